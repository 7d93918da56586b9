<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message><source>Panels</source><translation>Panele</translation></message>
    <message><source>Show or hide the panels</source><translation>Pokaż lub ukryj panele</translation></message>
    <message><source>Full-screen wall</source><translation>Ściana na pełnym ekranie</translation></message>
    <message><source>Tours</source><translation>Obchody</translation></message>
    <message><source>Theme</source><translation>Motyw</translation></message>
    <message><source>Dark</source><translation>Ciemny</translation></message>
    <message><source>Light</source><translation>Jasny</translation></message>
    <message><source>Server database unreachable — the wall goes on; changes cannot be saved until it returns.</source><translation>Serwer bazy danych nieosiągalny — ściana działa dalej; zmian nie da się zapisać, dopóki nie wróci.</translation></message>
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
<context>
    <name>ToursPanel</name>
    <message><source>Tour name</source><translation>Nazwa obchodu</translation></message>
    <message><source>Views through the wall</source><translation>Widoki na całej ścianie</translation></message>
    <message><source>Cameras through the selected tile</source><translation>Kamery w wybranym kafelku</translation></message>
    <message><source>Save</source><translation>Zapisz</translation></message>
    <message><source>Delete</source><translation>Usuń</translation></message>
    <message><source>Start</source><translation>Uruchom</translation></message>
    <message><source>Stop</source><translation>Zatrzymaj</translation></message>
    <message><source>Each for</source><translation>Każdy przez</translation></message>
</context>
</TS>
