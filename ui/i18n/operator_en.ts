<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message><source>Panels</source><translation>Panels</translation></message>
    <message><source>Show or hide the panels</source><translation>Show or hide the panels</translation></message>
    <message><source>Full-screen wall</source><translation>Full-screen wall</translation></message>
    <message><source>Tours</source><translation>Tours</translation></message>
    <message><source>Theme</source><translation>Theme</translation></message>
    <message><source>Dark</source><translation>Dark</translation></message>
    <message><source>Light</source><translation>Light</translation></message>
    <message><source>Server database unreachable — the wall goes on; changes cannot be saved until it returns.</source><translation>Server database unreachable — the wall goes on; changes cannot be saved until it returns.</translation></message>
    <message><source>Select a tile showing a camera to replay it.</source><translation>Select a tile showing a camera to replay it.</translation></message>
</context>
<context>
    <name>WallHelp</name>
    <message><source>show or hide the side panels</source><translation>show or hide the side panels</translation></message>
    <message><source>replay the selected tile (the others stay live)</source><translation>replay the selected tile (the others stay live)</translation></message>
    <message><source>full-screen wall (Esc leaves it)</source><translation>full-screen wall (Esc leaves it)</translation></message>
</context>
<context>
    <name>PtzTileOverlay</name>
    <message><source>Presets</source><translation>Presets</translation></message>
    <message><source>PTZ panel</source><translation>PTZ panel</translation></message>
    <message><source>No presets saved</source><translation>No presets saved</translation></message>
    <message><source>Home</source><translation>Home</translation></message>
</context>
<context>
    <name>ToursPanel</name>
    <message><source>Tour name</source><translation>Tour name</translation></message>
    <message><source>Views through the wall</source><translation>Views through the wall</translation></message>
    <message><source>Cameras through the selected tile</source><translation>Cameras through the selected tile</translation></message>
    <message><source>Save</source><translation>Save</translation></message>
    <message><source>Delete</source><translation>Delete</translation></message>
    <message><source>Start</source><translation>Start</translation></message>
    <message><source>Stop</source><translation>Stop</translation></message>
    <message><source>Each for</source><translation>Each for</translation></message>
</context>
</TS>
