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
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>in %n s</numerusform><numerusform>in %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message><source>videowall — video wall</source><translation>videowall — video wall</translation></message>
</context>
</TS>
