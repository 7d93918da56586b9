<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AccessReason</name>
    <message><source>Case number</source><translation>Case number</translation></message>
    <message><source>Reason</source><translation>Reason</translation></message>
    <message><source>Reason for access</source><translation>Reason for access</translation></message>
    <message><source>This deployment records why footage is opened: %1.</source><translation>This deployment records why footage is opened: %1.</translation></message>
    <message><source>live view of %1</source><translation>live view of %1</translation></message>
    <message><source>playback of %1</source><translation>playback of %1</translation></message>
</context>
<context>
    <name>AccessLog</name>
    <message><source>Access log</source><translation>Access log</translation></message>
    <message><source>All cameras</source><translation>All cameras</translation></message>
    <message><source>Camera</source><translation>Camera</translation></message>
    <message><source>Case number</source><translation>Case number</translation></message>
    <message><source>Footage</source><translation>Footage</translation></message>
    <message><source>From (%1)</source><translation>From (%1)</translation></message>
    <message><source>Kind</source><translation>Kind</translation></message>
    <message><source>Reading the access log…</source><translation>Reading the access log…</translation></message>
    <message><source>Reason</source><translation>Reason</translation></message>
    <message><source>Search</source><translation>Search</translation></message>
    <message><source>Session</source><translation>Session</translation></message>
    <message><source>Sessions found: %1. Times in %2.</source><translation>Sessions found: %1. Times in %2.</translation></message>
    <message><source>Station</source><translation>Station</translation></message>
    <message><source>To</source><translation>To</translation></message>
    <message><source>Who</source><translation>Who</translation></message>
    <message><source>export</source><translation>export</translation></message>
    <message><source>live</source><translation>live</translation></message>
    <message><source>not closed</source><translation>not closed</translation></message>
    <message><source>playback</source><translation>playback</translation></message>
</context>
</TS>
