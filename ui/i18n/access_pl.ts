<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>AccessReason</name>
    <message><source>Case number</source><translation>Sygnatura sprawy</translation></message>
    <message><source>Reason</source><translation>Powód</translation></message>
    <message><source>Reason for access</source><translation>Powód dostępu</translation></message>
    <message><source>This deployment records why footage is opened: %1.</source><translation>W tym systemie rejestruje się, w jakim celu otwierany jest obraz: %1.</translation></message>
    <message><source>live view of %1</source><translation>podgląd na żywo: %1</translation></message>
    <message><source>playback of %1</source><translation>odtwarzanie nagrań: %1</translation></message>
</context>
<context>
    <name>AccessLog</name>
    <message><source>Access log</source><translation>Rejestr dostępu</translation></message>
    <message><source>All cameras</source><translation>Wszystkie kamery</translation></message>
    <message><source>Camera</source><translation>Kamera</translation></message>
    <message><source>Case number</source><translation>Sygnatura sprawy</translation></message>
    <message><source>Footage</source><translation>Nagranie z okresu</translation></message>
    <message><source>From (%1)</source><translation>Od (%1)</translation></message>
    <message><source>Kind</source><translation>Rodzaj</translation></message>
    <message><source>Reading the access log…</source><translation>Odczyt rejestru dostępu…</translation></message>
    <message><source>Reason</source><translation>Powód</translation></message>
    <message><source>Search</source><translation>Szukaj</translation></message>
    <message><source>Session</source><translation>Sesja</translation></message>
    <message><source>Sessions found: %1. Times in %2.</source><translation>Znalezione sesje: %1. Czas: %2.</translation></message>
    <message><source>Station</source><translation>Stanowisko</translation></message>
    <message><source>To</source><translation>Do</translation></message>
    <message><source>Who</source><translation>Kto</translation></message>
    <message><source>export</source><translation>eksport</translation></message>
    <message><source>live</source><translation>na żywo</translation></message>
    <message><source>not closed</source><translation>nie zamknięta</translation></message>
    <message><source>playback</source><translation>odtwarzanie</translation></message>
</context>
</TS>
