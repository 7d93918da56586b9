<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>TileState</name>
    <message><source>connecting</source><translation>łączenie</translation></message>
    <message><source>live</source><translation>na żywo</translation></message>
    <message><source>reconnecting</source><translation>ponowne łączenie</translation></message>
    <message><source>authentication failed</source><translation>błąd uwierzytelnienia</translation></message>
    <message><source>unreachable</source><translation>kamera nieosiągalna</translation></message>
    <message><source>invalid URL</source><translation>błędny adres URL</translation></message>
    <message><source>stopped</source><translation>zatrzymano</translation></message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>za %n s</numerusform><numerusform>za %n s</numerusform><numerusform>za %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message><source>videowall — video wall</source><translation>videowall — ściana wideo</translation></message>
</context>
</TS>
