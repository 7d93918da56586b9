<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>Alarms</name>
    <message><source>%1 events</source><translation>Zdarzenia: %1</translation></message>
    <message><source>Acknowledge</source><translation>Potwierdź</translation></message>
    <message><source>Alarm %1: %2 on %3, %4 events</source><translation>Alarm %1: %2, %3, zdarzeń: %4</translation></message>
    <message><source>Alarms</source><translation>Alarmy</translation></message>
    <message><source>All cameras</source><translation>Wszystkie kamery</translation></message>
    <message><source>All events</source><translation>Wszystkie zdarzenia</translation></message>
    <message><source>Bookmark this</source><translation>Dodaj zakładkę</translation></message>
    <message><source>Camera</source><translation>Kamera</translation></message>
    <message><source>Cancel</source><translation>Anuluj</translation></message>
    <message><source>Close alarm</source><translation>Zamknij alarm</translation></message>
    <message><source>Close alarm %1</source><translation>Zamknięcie alarmu %1</translation></message>
    <message><source>Close…</source><translation>Zamknij…</translation></message>
    <message><source>Comment</source><translation>Komentarz</translation></message>
    <message><source>Count</source><translation>Liczba</translation></message>
    <message><source>Event</source><translation>Zdarzenie</translation></message>
    <message><source>Events</source><translation>Zdarzenia</translation></message>
    <message><source>From</source><translation>Od</translation></message>
    <message><source>Handled by</source><translation>Obsłużył</translation></message>
    <message><source>No pop-up</source><translation>Bez wyświetlania</translation></message>
    <message><source>Pop up on the alarm monitor</source><translation>Pokaż na monitorze alarmowym</translation></message>
    <message><source>Pop up on tile</source><translation>Pokaż na kafelku</translation></message>
    <message><source>Priority</source><translation>Priorytet</translation></message>
    <message><source>Search</source><translation>Szukaj</translation></message>
    <message><source>Show camera</source><translation>Pokaż kamerę</translation></message>
    <message><source>Show closed</source><translation>Pokaż zamknięte</translation></message>
    <message><source>Source</source><translation>Źródło</translation></message>
    <message><source>State</source><translation>Stan</translation></message>
    <message><source>Time</source><translation>Czas</translation></message>
    <message><source>To</source><translation>Do</translation></message>
    <message><source>What was seen and what was done (required)</source><translation>Co zaobserwowano i co zrobiono (wymagane)</translation></message>
    <message><source>acknowledged</source><translation>potwierdzony</translation></message>
    <message><source>camera storage fault</source><translation>awaria pamięci kamery</translation></message>
    <message><source>closed</source><translation>zamknięty</translation></message>
    <message><source>digital input</source><translation>wejście alarmowe</translation></message>
    <message><source>events unavailable</source><translation>zdarzenia niedostępne</translation></message>
    <message><source>PTZ taken over</source><translation>przejęcie sterowania PTZ</translation></message>
    <message><source>export failed</source><translation>eksport nieudany</translation></message>
    <message><source>motion</source><translation>ruch</translation></message>
    <message><source>new</source><translation>nowy</translation></message>
    <message><source>off</source><translation>koniec</translation></message>
    <message><source>on</source><translation>początek</translation></message>
    <message><source>other event</source><translation>inne zdarzenie</translation></message>
    <message><source>recording stopped</source><translation>nagrywanie zatrzymane</translation></message>
    <message><source>station</source><translation>stanowisko</translation></message>
    <message><source>stream lost</source><translation>utrata strumienia</translation></message>
    <message><source>stream restored</source><translation>strumień przywrócony</translation></message>
    <message><source>tampering</source><translation>sabotaż</translation></message>
    <message><source>tile </source><translation>kafelek </translation></message>
    <message><source>video loss</source><translation>utrata obrazu</translation></message>
    <message><source>videowall — alarm monitor</source><translation>videowall — monitor alarmowy</translation></message>
    <message><source>%1: the camera does not support ONVIF events.</source><translation>%1: kamera nie obsługuje zdarzeń ONVIF.</translation></message>
    <message><source>%1: events interrupted, reconnecting (%2)</source><translation>%1: zdarzenia przerwane, ponowne łączenie (%2)</translation></message>
</context>
</TS>
