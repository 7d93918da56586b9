<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>Playback</name>
    <message><source>Live</source><translation>Na żywo</translation></message>
    <message><source>Back to live</source><translation>Powrót do podglądu na żywo</translation></message>
    <message><source>Faster</source><translation>Szybciej</translation></message>
    <message><source>Go</source><translation>Przejdź</translation></message>
    <message><source>Jump to this date and time (station time)</source><translation>Przejdź do tej daty i godziny (czas stanowiska)</translation></message>
    <message><source>LIVE</source><translation>NA ŻYWO</translation></message>
    <message><source>NO RECORDING</source><translation>BRAK NAGRANIA</translation></message>
    <message><source>Next frame</source><translation>Następna klatka</translation></message>
    <message><source>No recording at this time</source><translation>Brak nagrania z tego czasu</translation></message>
    <message><source>Play / pause</source><translation>Odtwarzaj / pauza</translation></message>
    <message><source>Previous frame</source><translation>Poprzednia klatka</translation></message>
    <message><source>RECORDED</source><translation>NAGRANIE</translation></message>
    <message><source>Slower / reverse</source><translation>Wolniej / do tyłu</translation></message>
    <message><source>camera unreachable</source><translation>kamera nieosiągalna</translation></message>
    <message><source>disk full</source><translation>dysk pełny</translation></message>
    <message><source>no keyframe from the camera</source><translation>brak klatki kluczowej z kamery</translation></message>
    <message><source>no recording</source><translation>brak nagrania</translation></message>
    <message><source>paused</source><translation>pauza</translation></message>
    <message><source>recorder not running</source><translation>rejestrator nie działał</translation></message>
    <message><source>recorder overloaded</source><translation>rejestrator przeciążony</translation></message>
    <message><source>stream restarted</source><translation>strumień wznowiony</translation></message>
    <message><source>videowall — playback</source><translation>videowall — odtwarzanie</translation></message>
    <message><source>write error</source><translation>błąd zapisu</translation></message>
    <message><source>Bookmark</source><translation>Zakładka</translation></message>
    <message><source>Bookmark the moment shown on the selected tile (B)</source><translation>Dodaj zakładkę w chwili widocznej na wybranym kafelku (B)</translation></message>
    <message><source>evidence</source><translation>dowód</translation></message>
</context>
</TS>
