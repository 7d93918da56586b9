<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>Bookmarks</name>
    <message><source>%1 bookmarks</source><translation>Zakładki: %1</translation></message>
    <message><source>%1 revisions</source><translation>Wersje: %1</translation></message>
    <message><source>Action</source><translation>Czynność</translation></message>
    <message><source>Activity record (PDF)…</source><translation>Informacja o czynności (PDF)…</translation></message>
    <message><source>All cameras</source><translation>Wszystkie kamery</translation></message>
    <message><source>All categories</source><translation>Wszystkie kategorie</translation></message>
    <message><source>All operators</source><translation>Wszyscy operatorzy</translation></message>
    <message><source>Bookmark %1</source><translation>Zakładka %1</translation></message>
    <message><source>Bookmarks</source><translation>Zakładki</translation></message>
    <message><source>Cameras</source><translation>Kamery</translation></message>
    <message><source>Cancel</source><translation>Anuluj</translation></message>
    <message><source>Case</source><translation>Sprawa</translation></message>
    <message><source>Case number</source><translation>Numer sprawy</translation></message>
    <message><source>Category</source><translation>Kategoria</translation></message>
    <message><source>Close</source><translation>Zamknij</translation></message>
    <message><source>Description</source><translation>Opis</translation></message>
    <message><source>Edit…</source><translation>Edytuj…</translation></message>
    <message><source>Evidence</source><translation>Dowód</translation></message>
    <message><source>Evidence only</source><translation>Tylko dowody</translation></message>
    <message><source>Export evidence…</source><translation>Eksport dowodu…</translation></message>
    <message><source>Field</source><translation>Pole</translation></message>
    <message><source>Footage (seconds)</source><translation>Nagranie (sekundy)</translation></message>
    <message><source>Footage from–to</source><translation>Nagranie od–do</translation></message>
    <message><source>From</source><translation>Od</translation></message>
    <message><source>Give the case number the evidence belongs to.</source><translation>Podaj numer sprawy, do której należy dowód.</translation></message>
    <message><source>Give the reason: it is kept in the bookmark's history and the audit log.</source><translation>Podaj powód: zostanie zapisany w historii zakładki i w dzienniku audytu.</translation></message>
    <message><source>History of bookmark %1</source><translation>Historia zakładki %1</translation></message>
    <message><source>History…</source><translation>Historia…</translation></message>
    <message><source>Loading…</source><translation>Wczytywanie…</translation></message>
    <message><source>Mark as evidence</source><translation>Oznacz jako dowód</translation></message>
    <message><source>Mark as evidence…</source><translation>Oznacz jako dowód…</translation></message>
    <message><source>Marked at %1 by %2</source><translation>Oznaczono %1, operator: %2</translation></message>
    <message><source>Old → new</source><translation>Było → jest</translation></message>
    <message><source>Operator</source><translation>Operator</translation></message>
    <message><source>Place</source><translation>Miejsce</translation></message>
    <message><source>Play</source><translation>Odtwórz</translation></message>
    <message><source>Play the bookmark's cameras from its start (or double-click the row)</source><translation>Odtwórz kamery zakładki od jej początku (lub kliknij dwukrotnie wiersz)</translation></message>
    <message><source>Reason</source><translation>Powód</translation></message>
    <message><source>Release evidence</source><translation>Zwolnij dowód</translation></message>
    <message><source>Release evidence…</source><translation>Zwolnij dowód…</translation></message>
    <message><source>Restore</source><translation>Przywróć</translation></message>
    <message><source>Restore…</source><translation>Przywróć…</translation></message>
    <message><source>Result</source><translation>Wynik</translation></message>
    <message><source>Save</source><translation>Zapisz</translation></message>
    <message><source>Search description, place, case number, category</source><translation>Szukaj w opisie, miejscu, numerze sprawy, kategorii</translation></message>
    <message><source>Show withdrawn</source><translation>Pokaż wycofane</translation></message>
    <message><source>The bookmark will be hidden (kept with its history).</source><translation>Zakładka zostanie ukryta (zachowana wraz z historią).</translation></message>
    <message><source>The bookmark will be shown again.</source><translation>Zakładka będzie znowu widoczna.</translation></message>
    <message><source>The footage of the bookmark's cameras from %1 to %2 will be kept (legal hold) until the evidence is released.</source><translation>Nagranie z kamer zakładki od %1 do %2 zostanie zabezpieczone (blokada usunięcia) do czasu zwolnienia dowodu.</translation></message>
    <message><source>The legal hold on the footage (case %1) will be lifted; it is deleted when its retention ends.</source><translation>Zabezpieczenie nagrania (sprawa %1) zostanie zdjęte; nagranie zostanie usunięte po upływie okresu przechowywania.</translation></message>
    <message><source>Time</source><translation>Czas</translation></message>
    <message><source>To</source><translation>Do</translation></message>
    <message><source>What was done, e.g. patrol sent, police informed</source><translation>Co zrobiono, np. wysłano patrol, powiadomiono policję</translation></message>
    <message><source>When</source><translation>Kiedy</translation></message>
    <message><source>Who</source><translation>Kto</translation></message>
    <message><source>Withdraw</source><translation>Wycofaj</translation></message>
    <message><source>Withdraw…</source><translation>Wycofaj…</translation></message>
    <message><source>after</source><translation>po</translation></message>
    <message><source>before</source><translation>przed</translation></message>
    <message><source>cameras</source><translation>kamery</translation></message>
    <message><source>case number</source><translation>numer sprawy</translation></message>
    <message><source>category</source><translation>kategoria</translation></message>
    <message><source>created</source><translation>utworzono</translation></message>
    <message><source>description</source><translation>opis</translation></message>
    <message><source>edited</source><translation>zmieniono</translation></message>
    <message><source>end</source><translation>koniec</translation></message>
    <message><source>evidence</source><translation>dowód</translation></message>
    <message><source>evidence released</source><translation>zwolniono dowód</translation></message>
    <message><source>legal holds</source><translation>zabezpieczenia</translation></message>
    <message><source>marked as evidence</source><translation>oznaczono jako dowód</translation></message>
    <message><source>moment</source><translation>chwila</translation></message>
    <message><source>no</source><translation>nie</translation></message>
    <message><source>operator</source><translation>operator</translation></message>
    <message><source>place</source><translation>miejsce</translation></message>
    <message><source>restored</source><translation>przywrócono</translation></message>
    <message><source>result</source><translation>wynik</translation></message>
    <message><source>start</source><translation>początek</translation></message>
    <message><source>withdrawn</source><translation>wycofano</translation></message>
    <message><source>yes</source><translation>tak</translation></message>
    <message><source>other</source><translation>inne</translation></message>
    <message><source>public disorder</source><translation>zakłócanie porządku</translation></message>
    <message><source>road accident</source><translation>zdarzenie drogowe</translation></message>
    <message><source>theft</source><translation>kradzież</translation></message>
    <message><source>traffic offence</source><translation>wykroczenie drogowe</translation></message>
    <message><source>vandalism</source><translation>akt wandalizmu</translation></message>
</context>
</TS>
