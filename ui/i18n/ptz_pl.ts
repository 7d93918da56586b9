<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>PtzPanelWidget</name>
    <message><source>Home</source><translation>Pozycja domowa</translation></message>
    <message><source>Go to</source><translation>Idź do</translation></message>
    <message><source>Save position…</source><translation>Zapisz pozycję…</translation></message>
    <message><source>Rename…</source><translation>Zmień nazwę…</translation></message>
    <message><source>Delete</source><translation>Usuń</translation></message>
    <message><source>Save preset</source><translation>Zapisz preset</translation></message>
    <message><source>Preset name:</source><translation>Nazwa presetu:</translation></message>
    <message><source>Rename preset</source><translation>Zmień nazwę presetu</translation></message>
    <message><source>New name (the preset takes the current position):</source><translation>Nowa nazwa (preset przyjmie bieżącą pozycję):</translation></message>
    <message><source>Save some presets first: a tour goes from preset to preset.</source><translation>Najpierw zapisz presety: patrol przechodzi od presetu do presetu.</translation></message>
    <message><source>New tour</source><translation>Nowy patrol</translation></message>
    <message><source>Tour name:</source><translation>Nazwa patrolu:</translation></message>
    <message><source>Seconds at each preset:</source><translation>Sekundy na każdym presecie:</translation></message>
</context>
<context>
    <name>PtzTourWidget</name>
    <message><source>patrol %1</source><translation>patrol %1</translation></message>
    <message><source>patrol %1 paused</source><translation>patrol %1 wstrzymany</translation></message>
    <message><source>Start tour</source><translation>Rozpocznij patrol</translation></message>
    <message><source>Stop tour</source><translation>Zatrzymaj patrol</translation></message>
    <message><source>Resume tour</source><translation>Wznów patrol</translation></message>
    <message><source>New tour…</source><translation>Nowy patrol…</translation></message>
    <message><source>stopped</source><translation>zatrzymany</translation></message>
    <message><source>touring</source><translation>patrol trwa</translation></message>
    <message><source>paused (manual control)</source><translation>wstrzymany (sterowanie ręczne)</translation></message>
    <message><source>finished</source><translation>zakończony</translation></message>
</context>
<context>
    <name>WallPtz</name>
    <message><source>PTZ</source><translation>PTZ</translation></message>
</context>
<context>
    <name>LeaseLabel</name>
    <message><source>PTZ: %1, %2</source><translation>Sterowanie PTZ: %1, %2</translation></message>
</context>
</TS>
