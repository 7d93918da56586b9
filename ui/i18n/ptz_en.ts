<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>PtzPanelWidget</name>
    <message><source>Home</source><translation>Home</translation></message>
    <message><source>Go to</source><translation>Go to</translation></message>
    <message><source>Save position…</source><translation>Save position…</translation></message>
    <message><source>Rename…</source><translation>Rename…</translation></message>
    <message><source>Delete</source><translation>Delete</translation></message>
    <message><source>Save preset</source><translation>Save preset</translation></message>
    <message><source>Preset name:</source><translation>Preset name:</translation></message>
    <message><source>Rename preset</source><translation>Rename preset</translation></message>
    <message><source>New name (the preset takes the current position):</source><translation>New name (the preset takes the current position):</translation></message>
    <message><source>Save some presets first: a tour goes from preset to preset.</source><translation>Save some presets first: a tour goes from preset to preset.</translation></message>
    <message><source>New tour</source><translation>New tour</translation></message>
    <message><source>Tour name:</source><translation>Tour name:</translation></message>
    <message><source>Seconds at each preset:</source><translation>Seconds at each preset:</translation></message>
</context>
<context>
    <name>PtzTourWidget</name>
    <message><source>patrol %1</source><translation>patrol %1</translation></message>
    <message><source>patrol %1 paused</source><translation>patrol %1 paused</translation></message>
    <message><source>Start tour</source><translation>Start tour</translation></message>
    <message><source>Stop tour</source><translation>Stop tour</translation></message>
    <message><source>Resume tour</source><translation>Resume tour</translation></message>
    <message><source>New tour…</source><translation>New tour…</translation></message>
    <message><source>stopped</source><translation>stopped</translation></message>
    <message><source>touring</source><translation>touring</translation></message>
    <message><source>paused (manual control)</source><translation>paused (manual control)</translation></message>
    <message><source>finished</source><translation>finished</translation></message>
</context>
<context>
    <name>WallPtz</name>
    <message><source>PTZ</source><translation>PTZ</translation></message>
</context>
<context>
    <name>LeaseLabel</name>
    <message><source>PTZ: %1, %2</source><translation>PTZ: %1, %2</translation></message>
</context>
</TS>
