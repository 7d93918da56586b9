<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message><source>Panels</source><translation>Panele</translation></message>
    <message><source>Show or hide the panels</source><translation>Pokaż lub ukryj panele</translation></message>
    <message><source>Full-screen wall</source><translation>Ściana na pełnym ekranie</translation></message>
    <message><source>Theme</source><translation>Motyw</translation></message>
    <message><source>Dark</source><translation>Ciemny</translation></message>
    <message><source>Light</source><translation>Jasny</translation></message>
    <message><source>Select a tile showing a camera to replay it.</source><translation>Wybierz kafelek z kamerą, by odtworzyć jej nagranie.</translation></message>
</context>
<context>
    <name>WallHelp</name>
    <message><source>show or hide the side panels</source><translation>pokazanie lub ukrycie paneli bocznych</translation></message>
    <message><source>replay the selected tile (the others stay live)</source><translation>odtworzenie nagrania w wybranym kafelku (pozostałe na żywo)</translation></message>
    <message><source>full-screen wall (Esc leaves it)</source><translation>ściana na pełnym ekranie (Esc kończy)</translation></message>
</context>
<context>
    <name>PtzTileOverlay</name>
    <message><source>Presets</source><translation>Presety</translation></message>
    <message><source>PTZ panel</source><translation>Panel PTZ</translation></message>
    <message><source>No presets saved</source><translation>Brak zapisanych presetów</translation></message>
    <message><source>Home</source><translation>Pozycja domowa</translation></message>
</context>
</TS>
