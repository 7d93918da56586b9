<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>Activity</name>
    <message><source>Activity record</source><translation>Activity record</translation></message>
    <message><source>Activity record of a shift</source><translation>Activity record of a shift</translation></message>
    <message><source>All operators</source><translation>All operators</translation></message>
    <message><source>Every bookmark of the period goes into the record (informacja), oldest first.</source><translation>Every bookmark of the period goes into the record (informacja), oldest first.</translation></message>
    <message><source>From (%1)</source><translation>From (%1)</translation></message>
    <message><source>Include the access log (who watched or exported footage, and why)</source><translation>Include the access log (who watched or exported footage, and why)</translation></message>
    <message><source>Operator</source><translation>Operator</translation></message>
    <message><source>PDF documents (*.pdf)</source><translation>PDF documents (*.pdf)</translation></message>
    <message><source>Save PDF…</source><translation>Save PDF…</translation></message>
    <message><source>Save activity record</source><translation>Save activity record</translation></message>
    <message><source>Saving the activity record…</source><translation>Saving the activity record…</translation></message>
    <message><source>The activity record was not saved.</source><translation>The activity record was not saved.</translation></message>
    <message><source>The activity record was saved:</source><translation>The activity record was saved:</translation></message>
    <message><source>To</source><translation>To</translation></message>
</context>
</TS>
