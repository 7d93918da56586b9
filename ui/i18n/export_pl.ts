<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>EvidenceExport</name>
    <message><source> Files are split into parts below %1.</source><translation> Pliki są dzielone na części mniejsze niż %1.</translation></message>
    <message><source>%1 files, %2</source><translation>plików: %1, %2</translation></message>
    <message><source>%1 free of %2</source><translation>wolne %1 z %2</translation></message>
    <message><source>Badge number</source><translation>Numer legitymacji</translation></message>
    <message><source>Cameras</source><translation>Kamery</translation></message>
    <message><source>Cancel export</source><translation>Przerwij eksport</translation></message>
    <message><source>Cancelling…</source><translation>Przerywanie…</translation></message>
    <message><source>Cannot export: %1 Nothing was written.</source><translation>Nie można eksportować: %1 Niczego nie zapisano.</translation></message>
    <message><source>Case number</source><translation>Sygnatura sprawy</translation></message>
    <message><source>Checking the request and the destination…</source><translation>Sprawdzanie wniosku i miejsca zapisu…</translation></message>
    <message><source>Choose a removable drive or another folder.</source><translation>Wybierz nośnik wymienny lub inny folder.</translation></message>
    <message><source>Choose at least one camera.</source><translation>Wybierz co najmniej jedną kamerę.</translation></message>
    <message><source>Close</source><translation>Zamknij</translation></message>
    <message><source>Copying the video (no re-encoding) and hashing every frame…</source><translation>Kopiowanie nagrania (bez ponownego kodowania) i liczenie skrótów klatek…</translation></message>
    <message><source>Destination</source><translation>Miejsce zapisu</translation></message>
    <message><source>Drive</source><translation>Dysk</translation></message>
    <message><source>Enter the authority that requested the footage.</source><translation>Wpisz organ, który zażądał nagrania.</translation></message>
    <message><source>Enter the case number of the request.</source><translation>Wpisz sygnaturę sprawy z wniosku.</translation></message>
    <message><source>Enter the exhibit id: it names the package folder on the medium.</source><translation>Wpisz numer dowodu: to nazwa folderu pakietu na nośniku.</translation></message>
    <message><source>Enter the legal basis of the request.</source><translation>Wpisz podstawę prawną wniosku.</translation></message>
    <message><source>Enter the officer who requested the footage.</source><translation>Wpisz funkcjonariusza, który zażądał nagrania.</translation></message>
    <message><source>Enter the reason for the request.</source><translation>Wpisz powód wniosku.</translation></message>
    <message><source>Exhibit id</source><translation>Numer dowodu</translation></message>
    <message><source>Export</source><translation>Eksportuj</translation></message>
    <message><source>Export cancelled</source><translation>Eksport przerwany</translation></message>
    <message><source>Export complete</source><translation>Eksport zakończony</translation></message>
    <message><source>Export evidence</source><translation>Eksport dowodowy</translation></message>
    <message><source>Export failed</source><translation>Eksport nieudany</translation></message>
    <message><source>Export into folder</source><translation>Eksportuj do folderu</translation></message>
    <message><source>Export running</source><translation>Eksport w toku</translation></message>
    <message><source>Exported to %1</source><translation>Wyeksportowano do %1</translation></message>
    <message><source>Fill in the fields marked above.</source><translation>Uzupełnij pola oznaczone powyżej.</translation></message>
    <message><source>Finishing…</source><translation>Kończenie…</translation></message>
    <message><source>Flushing everything to the medium…</source><translation>Utrwalanie zapisu na nośniku…</translation></message>
    <message><source>Folder</source><translation>Folder</translation></message>
    <message><source>Footage</source><translation>Nagranie</translation></message>
    <message><source>From</source><translation>Od</translation></message>
    <message><source>Incident</source><translation>Zdarzenie</translation></message>
    <message><source>Legal basis</source><translation>Podstawa prawna</translation></message>
    <message><source>No removable drive found. Plug in a USB stick or SD card (it appears here by itself), or choose another folder.</source><translation>Nie znaleziono nośnika wymiennego. Podłącz pendrive lub kartę SD (pojawi się tu sam) albo wybierz inny folder.</translation></message>
    <message><source>Officer</source><translation>Funkcjonariusz</translation></message>
    <message><source>Open folder</source><translation>Otwórz folder</translation></message>
    <message><source>Operator: %1</source><translation>Operator: %1</translation></message>
    <message><source>Other folder…</source><translation>Inny folder…</translation></message>
    <message><source>Place</source><translation>Miejsce</translation></message>
    <message><source>Rank</source><translation>Stopień</translation></message>
    <message><source>Reading every file back from the medium and verifying it…</source><translation>Ponowny odczyt każdego pliku z nośnika i weryfikacja…</translation></message>
    <message><source>Reason</source><translation>Powód</translation></message>
    <message><source>Request</source><translation>Wniosek</translation></message>
    <message><source>Request reference</source><translation>Znak pisma</translation></message>
    <message><source>Requesting authority</source><translation>Organ wnioskujący</translation></message>
    <message><source>SHA-256 of manifest.json (for the handover protocol): %1</source><translation>SHA-256 pliku manifest.json (do protokołu przekazania): %1</translation></message>
    <message><source>Signer certificate SHA-256: %1</source><translation>SHA-256 certyfikatu podpisującego: %1</translation></message>
    <message><source>The export is still running. Cancel it? Nothing complete will be written.</source><translation>Eksport jeszcze trwa. Przerwać go? Nie zostanie zapisany kompletny pakiet.</translation></message>
    <message><source>The export stopped because of an internal error (details are in the log). Nothing complete was written.</source><translation>Eksport przerwał błąd wewnętrzny (szczegóły w dzienniku). Nie zapisano kompletnego pakietu.</translation></message>
    <message><source>The export was cancelled before anything was written.</source><translation>Eksport przerwano, zanim cokolwiek zapisano.</translation></message>
    <message><source>The export was cancelled. Nothing complete was written: the incomplete files are in %1 (delete them).</source><translation>Eksport przerwano. Nie zapisano kompletnego pakietu: niekompletne pliki są w %1 (usuń je).</translation></message>
    <message><source>Times are local time of the station (%1).</source><translation>Czas lokalny stanowiska (%1).</translation></message>
    <message><source>To</source><translation>Do</translation></message>
    <message><source>USB/SD</source><translation>USB/SD</translation></message>
    <message><source>Verification passed: every file was read back from the medium, its SHA-256 matched and the signature checked.</source><translation>Weryfikacja pomyślna: każdy plik odczytano ponownie z nośnika, jego SHA-256 się zgadza, a podpis jest prawidłowy.</translation></message>
    <message><source>Writing about %1 to %2 (%3).</source><translation>Zapis około %1 do %2 (%3).</translation></message>
    <message><source>Writing the manifest, signature, texts and handover protocol…</source><translation>Zapis manifestu, podpisu, opisów i protokołu przekazania…</translation></message>
    <message><source>about %1 of %2</source><translation>około %1 z %2</translation></message>
    <message><source>checking…</source><translation>sprawdzanie…</translation></message>
    <message><source>e.g. Komenda Miejska Policji w Krakowie</source><translation>np. Komenda Miejska Policji w Krakowie</translation></message>
    <message><source>e.g. art. 217 § 1 KPK</source><translation>np. art. 217 § 1 KPK</translation></message>
    <message><source>files split below 4 GiB</source><translation>pliki dzielone poniżej 4 GiB</translation></message>
    <message><source>first and last name of the officer</source><translation>imię i nazwisko funkcjonariusza</translation></message>
    <message><source>local register number, e.g. SM-2026-000123</source><translation>numer z rejestru, np. SM-2026-000123</translation></message>
    <message><source>reference of the written request, if any</source><translation>znak pisemnego wniosku, jeśli jest</translation></message>
    <message><source>the authority's case reference (sygnatura)</source><translation>sygnatura sprawy nadana przez organ</translation></message>
    <message><source>unknown filesystem</source><translation>nieznany system plików</translation></message>
    <message><source>what happened</source><translation>co się wydarzyło</translation></message>
    <message><source>where it happened</source><translation>gdzie to się wydarzyło</translation></message>
    <message><source>why the footage is requested</source><translation>w jakim celu potrzebne jest nagranie</translation></message>
</context>
</TS>
