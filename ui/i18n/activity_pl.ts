<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>Activity</name>
    <message><source>Activity record</source><translation>Informacja z czynności</translation></message>
    <message><source>Activity record of a shift</source><translation>Informacja z czynności — zmiana</translation></message>
    <message><source>All operators</source><translation>Wszyscy operatorzy</translation></message>
    <message><source>Every bookmark of the period goes into the record (informacja), oldest first.</source><translation>Do informacji trafiają wszystkie znaczniki zdarzeń z tego okresu, od najstarszego.</translation></message>
    <message><source>From (%1)</source><translation>Od (%1)</translation></message>
    <message><source>Include the access log (who watched or exported footage, and why)</source><translation>Dołącz rejestr dostępu (kto oglądał lub eksportował obraz i dlaczego)</translation></message>
    <message><source>Operator</source><translation>Operator</translation></message>
    <message><source>PDF documents (*.pdf)</source><translation>Dokumenty PDF (*.pdf)</translation></message>
    <message><source>Save PDF…</source><translation>Zapisz PDF…</translation></message>
    <message><source>Save activity record</source><translation>Zapisz informację z czynności</translation></message>
    <message><source>Saving the activity record…</source><translation>Zapisywanie informacji z czynności…</translation></message>
    <message><source>The activity record was not saved.</source><translation>Informacja z czynności nie została zapisana.</translation></message>
    <message><source>The activity record was saved:</source><translation>Informacja z czynności została zapisana:</translation></message>
    <message><source>To</source><translation>Do</translation></message>
</context>
</TS>
