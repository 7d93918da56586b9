<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>TileState</name>
    <message><source>connecting</source><translation>connecting</translation></message>
    <message><source>live</source><translation>live</translation></message>
    <message><source>reconnecting</source><translation>reconnecting</translation></message>
    <message><source>authentication failed</source><translation>authentication failed</translation></message>
    <message><source>unreachable</source><translation>unreachable</translation></message>
    <message><source>invalid URL</source><translation>invalid URL</translation></message>
    <message><source>stopped</source><translation>stopped</translation></message>
    <message><source>paused: limit</source><translation>paused: limit</translation></message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>in %n s</numerusform><numerusform>in %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message><source>videowall — video wall</source><translation>videowall — video wall</translation></message>
</context>
<context>
    <name>WallHelp</name>
    <message><source>Keyboard shortcuts</source><translation>Keyboard shortcuts</translation></message>
    <message><source>select a tile</source><translation>select a tile</translation></message>
    <message><source>maximise or restore the tile</source><translation>maximise or restore the tile</translation></message>
    <message><source>restore, cancel the number, reset zoom</source><translation>restore, cancel the number, reset zoom</translation></message>
    <message><source>put camera number N in the selected tile</source><translation>put camera number N in the selected tile</translation></message>
    <message><source>digital zoom; drag to move the zoomed picture</source><translation>digital zoom; drag to move the zoomed picture</translation></message>
    <message><source>snapshot of the tile to PNG</source><translation>snapshot of the tile to PNG</translation></message>
    <message><source>show or hide stream details</source><translation>show or hide stream details</translation></message>
    <message><source>recall a saved view</source><translation>recall a saved view</translation></message>
    <message><source>show or hide this help</source><translation>show or hide this help</translation></message>
    <message><source>No camera %1</source><translation>No camera %1</translation></message>
    <message><source>Camera</source><translation>Camera</translation></message>
    <message><source>bookmark this moment on the selected tile</source><translation>bookmark this moment on the selected tile</translation></message>
</context>
<context>
    <name>CameraPanel</name>
    <message><source>Search: number, name, place, district</source><translation>Search: number, name, place, district</translation></message>
    <message><source>%1 of %2 cameras</source><translation>%1 of %2 cameras</translation></message>
</context>
<context>
    <name>ViewsPanel</name>
    <message><source>View name</source><translation>View name</translation></message>
    <message><source>no key</source><translation>no key</translation></message>
    <message><source>Save wall as view</source><translation>Save wall as view</translation></message>
    <message><source>Delete</source><translation>Delete</translation></message>
</context>
<context>
    <name>LayoutEditor</name>
    <message><source>Merge</source><translation>Merge</translation></message>
    <message><source>Split</source><translation>Split</translation></message>
    <message><source>Apply</source><translation>Apply</translation></message>
    <message><source>Choose one tile to split.</source><translation>Choose one tile to split.</translation></message>
</context>
<context>
    <name>MainWindow</name>
    <message><source>Playback</source><translation>Playback</translation></message>
    <message><source>videowall</source><translation>videowall</translation></message>
    <message><source>Cameras</source><translation>Cameras</translation></message>
    <message><source>Views</source><translation>Views</translation></message>
    <message><source>Layout</source><translation>Layout</translation></message>
    <message><source>&amp;View</source><translation>&amp;View</translation></message>
    <message><source>Bookmarks</source><translation>Bookmarks</translation></message>
    <message><source>&amp;Incidents</source><translation>&amp;Incidents</translation></message>
    <message><source>Bookmark the selected tile</source><translation>Bookmark the selected tile</translation></message>
    <message><source>Export evidence…</source><translation>Export evidence…</translation></message>
    <message><source>Shift activity record…</source><translation>Shift activity record…</translation></message>
    <message><source>Access log…</source><translation>Access log…</translation></message>
    <message><source>Select a tile showing a camera to bookmark it.</source><translation>Select a tile showing a camera to bookmark it.</translation></message>
    <message><source>Bookmark saved: %1, %2, %3</source><translation>Bookmark saved: %1, %2, %3</translation></message>
</context>
</TS>
