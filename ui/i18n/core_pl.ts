<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
    <context>
        <name>core</name>
        <message>
            <source>%1 It refused first: %2.</source>
            <translation>%1 Najpierw odmówiła: %2.</translation>
        </message>
        <message>
            <source>%1 The destination %2 is no longer there (was the drive removed?). The export is NOT complete; export again to a connected drive.</source>
            <translation>%1 Miejsce docelowe %2 zniknęło (czy nośnik został odłączony?). Eksport NIE jest kompletny; wykonaj go ponownie na podłączony nośnik.</translation>
        </message>
        <message>
            <source>%1 The export is NOT complete; what was written is in %2 (delete it).</source>
            <translation>%1 Eksport NIE jest kompletny; to, co zapisano, jest w %2 (usuń to).</translation>
        </message>
        <message>
            <source>%1 URL: %2</source>
            <translation>%1 Adres URL: %2</translation>
        </message>
        <message>
            <source>%1 already exists. Use another exhibit id, or move the old folder away (an existing package is never overwritten).</source>
            <translation>%1 już istnieje. Użyj innego numeru dowodu albo przenieś stary folder (istniejąca paczka nigdy nie jest nadpisywana).</translation>
        </message>
        <message>
            <source>%1 changed on the medium after being verified, while later files were written: the medium overwrites its own data (a counterfeit or failing stick). Use another one.</source>
            <translation>%1 zmienił się na nośniku po sprawdzeniu, podczas zapisu kolejnych plików: nośnik nadpisuje własne dane (podróbka lub uszkodzony pendrive). Użyj innego.</translation>
        </message>
        <message>
            <source>%1 has packet side data; write its framehash to a file.</source>
            <translation>%1 ma dane poboczne pakietów; zapisz jego framehash do pliku.</translation>
        </message>
        <message>
            <source>%1 is not a camera id.</source>
            <translation>%1 nie jest numerem kamery.</translation>
        </message>
        <message>
            <source>%1 is not a date and time like 2026-01-15T10:15:00.</source>
            <translation>%1 nie jest datą i godziną w postaci 2026-01-15T10:15:00.</translation>
        </message>
        <message>
            <source>%1 is not a recording server address (https://HOST:PORT, no credentials).</source>
            <translation>%1 nie jest adresem serwera nagrań (https://HOST:PORT, bez danych logowania).</translation>
        </message>
        <message>
            <source>%1 is required.</source>
            <translation>%1 jest wymagane.</translation>
        </message>
        <message>
            <source>%1 is still being recorded, so the recorder has no digest of it yet. Export a range that ended a minute ago, or wait until it closes.</source>
            <translation>%1 jest wciąż nagrywany, więc rejestrator nie ma jeszcze jego skrótu. Wyeksportuj przedział, który skończył się minutę temu, albo poczekaj, aż plik zostanie zamknięty.</translation>
        </message>
        <message>
            <source>%1 is too long (%2 characters; at most %3).</source>
            <translation>%1 jest za długie (znaków: %2; najwyżej %3).</translation>
        </message>
        <message>
            <source>%1 lies outside the years %2–%3: check the year.</source>
            <translation>%1 leży poza latami %2–%3: sprawdź rok.</translation>
        </message>
        <message>
            <source>%1 missing: the log jumps from entry %2 to entry %3 (deleted?)</source>
            <translation>brak: %1 — dziennik przeskakuje z wpisu %2 do wpisu %3 (usunięte?)</translation>
        </message>
        <message>
            <source>%1 must be a date and time.</source>
            <translation>%1 musi być datą i godziną.</translation>
        </message>
        <message>
            <source>%1 must be a number of gigabytes from 0 to %2, not %3</source>
            <translation>%1 musi być liczbą gigabajtów od 0 do %2, a nie %3</translation>
        </message>
        <message>
            <source>%1 must be a whole number of seconds from 0 to %2, not %3</source>
            <translation>%1 musi być całkowitą liczbą sekund od 0 do %2, a nie %3</translation>
        </message>
        <message>
            <source>%1 must be from 0 to %2 seconds, not %3.</source>
            <translation>%1 musi wynosić od 0 do %2 sekund, a nie %3.</translation>
        </message>
        <message>
            <source>%1 must be text of at most 200 characters without control characters</source>
            <translation>%1 musi być tekstem o długości najwyżej 200 znaków, bez znaków sterujących</translation>
        </message>
        <message>
            <source>%1 must be text.</source>
            <translation>%1 musi być tekstem.</translation>
        </message>
        <message>
            <source>%1 must not contain control characters or text-direction marks (found %2).</source>
            <translation>%1 nie może zawierać znaków sterujących ani znaczników kierunku tekstu (znaleziono %2).</translation>
        </message>
        <message>
            <source>%1 must not contain control characters%2.</source>
            <translation>%1 nie może zawierać znaków sterujących%2.</translation>
        </message>
        <message>
            <source>%1 must not contain control characters.</source>
            <translation>%1 nie może zawierać znaków sterujących.</translation>
        </message>
        <message>
            <source>%1 needs a time zone.</source>
            <translation>%1 wymaga strefy czasowej.</translation>
        </message>
        <message>
            <source>%1 was recorded before the recorder took digests of its segments, so what arrives cannot be checked against it. Export it on the recording PC itself.</source>
            <translation>%1 nagrano, zanim rejestrator zaczął liczyć skróty segmentów, więc tego, co przychodzi, nie da się z nim porównać. Wyeksportuj go na samym komputerze nagrywającym.</translation>
        </message>
        <message>
            <source>%1%2 needs the OS keyring. %3</source>
            <translation>%1%2 wymaga systemowego magazynu haseł. %3</translation>
        </message>
        <message>
            <source>%1: an unfinished export (.partial): it was never completed</source>
            <translation>%1: niedokończony eksport (.partial): nigdy go nie ukończono</translation>
        </message>
        <message>
            <source>%1: changed (SHA-256 differs from %2)</source>
            <translation>%1: zmieniony (SHA-256 różni się od %2)</translation>
        </message>
        <message>
            <source>%1: changed (size or SHA-256 differs from the manifest)</source>
            <translation>%1: zmieniony (rozmiar lub SHA-256 różni się od manifestu)</translation>
        </message>
        <message>
            <source>%1: does not contain the audit anchor named in the manifest</source>
            <translation>%1: nie zawiera kotwicy audytu wskazanej w manifeście</translation>
        </message>
        <message>
            <source>%1: entry %2 does not match its hash</source>
            <translation>%1: wpis %2 nie zgadza się ze swoim skrótem</translation>
        </message>
        <message>
            <source>%1: extra file, not in the manifest</source>
            <translation>%1: dodatkowy plik, nie ma go w manifeście</translation>
        </message>
        <message>
            <source>%1: its files cannot be listed (%2)</source>
            <translation>%1: nie można odczytać listy plików (%2)</translation>
        </message>
        <message>
            <source>%1: its frames do not match %2 (first difference at line %3)</source>
            <translation>%1: klatki nie zgadzają się z %2 (pierwsza różnica w wierszu %3)</translation>
        </message>
        <message>
            <source>%1: its line for %2 disagrees with the manifest</source>
            <translation>%1: wiersz dla %2 nie zgadza się z manifestem</translation>
        </message>
        <message>
            <source>%1: its packets cannot be read (%2)</source>
            <translation>%1: nie można odczytać pakietów (%2)</translation>
        </message>
        <message>
            <source>%1: line %2 is unreadable</source>
            <translation>%1: wiersz %2 jest nieczytelny</translation>
        </message>
        <message>
            <source>%1: missing</source>
            <translation>%1: brak pliku</translation>
        </message>
        <message>
            <source>%1: missing (listed in %2)</source>
            <translation>%1: brak pliku (wymieniony w %2)</translation>
        </message>
        <message>
            <source>%1: missing (listed in the manifest)</source>
            <translation>%1: brak pliku (wymieniony w manifeście)</translation>
        </message>
        <message>
            <source>%1: missing, the manifest is not signed</source>
            <translation>%1: brak pliku, manifest nie jest podpisany</translation>
        </message>
        <message>
            <source>%1: not a folder</source>
            <translation>%1: to nie jest folder</translation>
        </message>
        <message>
            <source>%1: not listed in %2</source>
            <translation>%1: nie jest wymieniony w %2</translation>
        </message>
        <message>
            <source>%1: not the certificate the manifest names</source>
            <translation>%1: to nie jest certyfikat wskazany w manifeście</translation>
        </message>
        <message>
            <source>%1: signature check failed: %2</source>
            <translation>%1: sprawdzenie podpisu nie powiodło się: %2</translation>
        </message>
        <message>
            <source>%1: signed by a certificate other than the one the manifest names</source>
            <translation>%1: podpisany innym certyfikatem niż wskazany w manifeście</translation>
        </message>
        <message>
            <source>%1: unreadable (%2)</source>
            <translation>%1: nieczytelny (%2)</translation>
        </message>
        <message>
            <source>%1: unreadable (not ASCII text at byte %2)</source>
            <translation>%1: nieczytelny (to nie jest tekst ASCII, bajt %2)</translation>
        </message>
        <message>
            <source>'%1' is missing (an ISO 8601 UTC time).</source>
            <translation>Brak '%1' (czas UTC w formacie ISO 8601).</translation>
        </message>
        <message>
            <source>'%1' is not an ISO 8601 time.</source>
            <translation>'%1' nie jest czasem w formacie ISO 8601.</translation>
        </message>
        <message>
            <source>'%1' must carry its UTC offset (e.g. Z).</source>
            <translation>'%1' musi zawierać przesunięcie względem UTC (np. Z).</translation>
        </message>
        <message>
            <source>A bookmark can name at most %1 cameras, not %2.</source>
            <translation>Zakładka może wskazywać najwyżej %1 kamer, a nie %2.</translation>
        </message>
        <message>
            <source>A bookmark needs at least one camera.</source>
            <translation>Zakładka wymaga co najmniej jednej kamery.</translation>
        </message>
        <message>
            <source>A camera is listed twice.</source>
            <translation>Kamera jest wymieniona dwa razy.</translation>
        </message>
        <message>
            <source>A camera named %1 already exists%2. Choose another name.</source>
            <translation>Kamera o nazwie %1 już istnieje%2. Wybierz inną nazwę.</translation>
        </message>
        <message>
            <source>A case number is required to mark bookmark %1 as evidence.</source>
            <translation>Aby oznaczyć zakładkę %1 jako dowód, potrzebny jest numer sprawy.</translation>
        </message>
        <message>
            <source>A keyring is needed to save the camera's credentials.</source>
            <translation>Do zapisania danych logowania kamery potrzebny jest magazyn haseł.</translation>
        </message>
        <message>
            <source>A login is 1–%1 characters without spaces or control characters.</source>
            <translation>Login ma od 1 do %1 znaków, bez spacji i znaków sterujących.</translation>
        </message>
        <message>
            <source>A password needs at least %1 characters.</source>
            <translation>Hasło musi mieć co najmniej %1 znaków.</translation>
        </message>
        <message>
            <source>A police viewer needs at least one camera group (--group): they see only the groups granted to the unit.</source>
            <translation>Użytkownik policji potrzebuje co najmniej jednej grupy kamer (--group): widzi tylko grupy przyznane jednostce.</translation>
        </message>
        <message>
            <source>A rule is for one camera or for a group, not both.</source>
            <translation>Reguła dotyczy jednej kamery albo grupy, nie obu naraz.</translation>
        </message>
        <message>
            <source>A session lasts from 1 to %1 days.</source>
            <translation>Sesja trwa od 1 do %1 dni.</translation>
        </message>
        <message>
            <source>A setting has a value of the wrong kind.</source>
            <translation>Jedno z ustawień ma wartość niewłaściwego rodzaju.</translation>
        </message>
        <message>
            <source>A tour needs a name, at least one preset and a dwell &gt; 0 s.</source>
            <translation>Trasa potrzebuje nazwy, co najmniej jednej pozycji i czasu postoju &gt; 0 s.</translation>
        </message>
        <message>
            <source>A tour needs at least one preset and a dwell &gt; 0 s.</source>
            <translation>Trasa potrzebuje co najmniej jednej pozycji i czasu postoju &gt; 0 s.</translation>
        </message>
        <message>
            <source>A user %1 already exists.</source>
            <translation>Użytkownik %1 już istnieje.</translation>
        </message>
        <message>
            <source>A user needs a full name (1–100 printable characters), as it appears on bookmarks and in the audit log.</source>
            <translation>Użytkownik potrzebuje imienia i nazwiska (1–100 znaków drukowalnych), tak jak pojawią się w zakładkach i w dzienniku audytu.</translation>
        </message>
        <message>
            <source>A view needs a name of 1 to %1 characters.</source>
            <translation>Widok potrzebuje nazwy o długości od 1 do %1 znaków.</translation>
        </message>
        <message>
            <source>A view's key must be between 1 and 12.</source>
            <translation>Klawisz widoku musi być od 1 do 12.</translation>
        </message>
        <message>
            <source>Alarm %1 was already closed by %2.</source>
            <translation>Alarm %1 został już zamknięty przez: %2.</translation>
        </message>
        <message>
            <source>An alarm is handled by a named operator.</source>
            <translation>Alarm obsługuje operator podany z nazwiska.</translation>
        </message>
        <message>
            <source>An alarm priority is 1 (most urgent) to 5, or 0 for none.</source>
            <translation>Priorytet alarmu to 1 (najpilniejszy) do 5 albo 0 (brak).</translation>
        </message>
        <message>
            <source>An audit %1 must be 1–%2 printable characters, got %3.</source>
            <translation>Pole audytu %1 musi mieć 1–%2 drukowalnych znaków, otrzymano %3.</translation>
        </message>
        <message>
            <source>Another videowall recorder (process %1) is already recording to %2. Stop it first, or record to another folder.</source>
            <translation>Inny rejestrator videowall (proces %1) już nagrywa do %2. Najpierw go zatrzymaj albo nagrywaj do innego folderu.</translation>
        </message>
        <message>
            <source>Audit %1 has a %2; use text, numbers, lists or dicts.</source>
            <translation>Pole audytu %1 ma typ %2; użyj tekstu, liczb, list lub słowników.</translation>
        </message>
        <message>
            <source>Audit %1 has a non-text key %2.</source>
            <translation>Pole audytu %1 ma klucz niebędący tekstem: %2.</translation>
        </message>
        <message>
            <source>Audit %1 is not a finite number.</source>
            <translation>Pole audytu %1 nie jest skończoną liczbą.</translation>
        </message>
        <message>
            <source>Audit details must be a dictionary.</source>
            <translation>Szczegóły audytu muszą być słownikiem.</translation>
        </message>
        <message>
            <source>Bookmark %1 is already evidence (case %2).</source>
            <translation>Zakładka %1 jest już dowodem (sprawa %2).</translation>
        </message>
        <message>
            <source>Bookmark %1 is already withdrawn.</source>
            <translation>Zakładka %1 jest już wycofana.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence (case %2); release the evidence, with a reason, before withdrawing it.</source>
            <translation>Zakładka %1 jest dowodem (sprawa %2); przed wycofaniem zwolnij dowód, podając powód.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence: its case number is on its legal holds. Release the evidence, with a reason, to change it.</source>
            <translation>Zakładka %1 jest dowodem: jej numer sprawy jest w zabezpieczeniach. Aby go zmienić, zwolnij dowód, podając powód.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence: its footage range and cameras can only grow while it is held. Release the evidence, with a reason, to narrow it or remove a camera.</source>
            <translation>Zakładka %1 jest dowodem: podczas zabezpieczenia jej zakres nagrania i kamery mogą się tylko powiększać. Aby go zawęzić lub usunąć kamerę, zwolnij dowód, podając powód.</translation>
        </message>
        <message>
            <source>Bookmark %1 is not marked as evidence.</source>
            <translation>Zakładka %1 nie jest oznaczona jako dowód.</translation>
        </message>
        <message>
            <source>Bookmark %1 is not withdrawn.</source>
            <translation>Zakładka %1 nie jest wycofana.</translation>
        </message>
        <message>
            <source>Bookmark %1 was changed meanwhile (now revision %2, you edited revision %3). Reload it and edit again.</source>
            <translation>Zakładka %1 została w międzyczasie zmieniona (teraz wersja %2, edytowano wersję %3). Wczytaj ją ponownie i edytuj jeszcze raz.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn, so there is no activity to document.</source>
            <translation>Zakładka %1 została wycofana, więc nie ma czynności do udokumentowania.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn; restore it before editing.</source>
            <translation>Zakładka %1 została wycofana; przywróć ją przed edycją.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn; restore it before marking it as evidence.</source>
            <translation>Zakładka %1 została wycofana; przywróć ją przed oznaczeniem jako dowód.</translation>
        </message>
        <message>
            <source>Camera passwords can only be read or stored for a data dir's station; this keyring was opened without one.</source>
            <translation>Hasła kamer można odczytać lub zapisać tylko dla stanowiska katalogu danych; ten magazyn haseł otwarto bez niego.</translation>
        </message>
        <message>
            <source>Cannot load the TLS certificate %1 and key %2: %3.</source>
            <translation>Nie można wczytać certyfikatu TLS %1 i klucza %2: %3.</translation>
        </message>
        <message>
            <source>Cannot reach the camera at %1 for events.</source>
            <translation>Nie można połączyć się z kamerą %1, aby odbierać zdarzenia.</translation>
        </message>
        <message>
            <source>Cannot reach the device at %1.</source>
            <translation>Nie można połączyć się z urządzeniem %1.</translation>
        </message>
        <message>
            <source>Cannot read %1: %2.</source>
            <translation>Nie można odczytać %1: %2.</translation>
        </message>
        <message>
            <source>Cannot read the CA certificate %1: %2.</source>
            <translation>Nie można odczytać certyfikatu CA %1: %2.</translation>
        </message>
        <message>
            <source>Cannot read the certificate of %1.</source>
            <translation>Nie można odczytać certyfikatu %1.</translation>
        </message>
        <message>
            <source>Cannot read the recording %1: %2.</source>
            <translation>Nie można odczytać nagrania %1: %2.</translation>
        </message>
        <message>
            <source>Cannot write to %1: %2. Check that the medium is not write-protected and that you may write there.</source>
            <translation>Nie można zapisać do %1: %2. Sprawdź, czy nośnik nie jest zabezpieczony przed zapisem i czy masz prawo tam zapisywać.</translation>
        </message>
        <message>
            <source>Choose at least one camera.</source>
            <translation>Wybierz co najmniej jedną kamerę.</translation>
        </message>
        <message>
            <source>Closing an alarm needs a comment: what was seen and done.</source>
            <translation>Zamknięcie alarmu wymaga komentarza: co zauważono i co zrobiono.</translation>
        </message>
        <message>
            <source>Could not %1 in the keyring: %2.</source>
            <translation>Nie udało się wykonać w magazynie haseł: %1: %2.</translation>
        </message>
        <message>
            <source>Could not %1. %2</source>
            <translation>Nie udało się: %1. %2</translation>
        </message>
        <message>
            <source>Could not open the database %1: %2.</source>
            <translation>Nie można otworzyć bazy danych %1: %2.</translation>
        </message>
        <message>
            <source>Could not save the activity record as %1: %2. Choose a folder you can write to.</source>
            <translation>Nie można zapisać informacji o czynności jako %1: %2. Wybierz folder, do którego możesz zapisywać.</translation>
        </message>
        <message>
            <source>Could not save the settings to %1: %2.</source>
            <translation>Nie można zapisać ustawień do %1: %2.</translation>
        </message>
        <message>
            <source>Could not save to the database: %1.</source>
            <translation>Nie można zapisać w bazie danych: %1.</translation>
        </message>
        <message>
            <source>Could not take the PTZ lease of camera %1: other stations kept changing it. Try again.</source>
            <translation>Nie udało się przejąć sterowania PTZ kamery %1: inne stanowiska wciąż je zmieniały. Spróbuj ponownie.</translation>
        </message>
        <message>
            <source>Could not upgrade the database %1 to schema version %2 (%3): %4. It was left as it was.</source>
            <translation>Nie udało się zaktualizować bazy danych %1 do wersji schematu %2 (%3): %4. Baza pozostała bez zmian.</translation>
        </message>
        <message>
            <source>Could not upgrade the database to schema version %1 (%2): %3. The database was left at version %4.</source>
            <translation>Nie można zaktualizować bazy danych do wersji schematu %1 (%2): %3. Baza pozostała w wersji %4.</translation>
        </message>
        <message>
            <source>Could not write %1 to the destination: %2.</source>
            <translation>Nie można zapisać %1 w miejscu docelowym: %2.</translation>
        </message>
        <message>
            <source>Could not write to the audit log: %1.</source>
            <translation>Nie można zapisać w dzienniku audytu: %1.</translation>
        </message>
        <message>
            <source>Do not put the password in the database address (it would end up in settings, shell history and logs). Leave it out; it is asked for separately.</source>
            <translation>Nie podawaj hasła w adresie bazy danych (trafiłoby do ustawień, historii powłoki i logów). Pomiń je; zostanie zapytane osobno.</translation>
        </message>
        <message>
            <source>FFmpeg could not encode the demo footage.</source>
            <translation>FFmpeg nie zdołał zakodować nagrań demonstracyjnych.</translation>
        </message>
        <message>
            <source>FFmpeg encoded no demo footage.</source>
            <translation>FFmpeg nie zakodował żadnych nagrań demonstracyjnych.</translation>
        </message>
        <message>
            <source>Footage from another PC is read over HTTPS only: use https://… for the recording server.</source>
            <translation>Nagrania z innego komputera są odczytywane tylko przez HTTPS: użyj https://… dla serwera nagrań.</translation>
        </message>
        <message>
            <source>Give the ONVIF address as http://HOST:PORT or https://HOST:PORT (no user:password@).</source>
            <translation>Podaj adres ONVIF jako http://HOST:PORT lub https://HOST:PORT (bez użytkownik:hasło@).</translation>
        </message>
        <message>
            <source>Give the password for the new username.</source>
            <translation>Podaj hasło dla nowej nazwy użytkownika.</translation>
        </message>
        <message>
            <source>Give the password for this username.</source>
            <translation>Podaj hasło dla tej nazwy użytkownika.</translation>
        </message>
        <message>
            <source>Hold %1 (case %2) was already lifted.</source>
            <translation>Zabezpieczenie %1 (sprawa %2) zostało już zdjęte.</translation>
        </message>
        <message>
            <source>Invalid setting: %1.</source>
            <translation>Błędne ustawienie: %1.</translation>
        </message>
        <message>
            <source>Log in first: nobody is logged in at this station to %1.</source>
            <translation>Najpierw się zaloguj: na tym stanowisku nikt nie jest zalogowany, aby %1.</translation>
        </message>
        <message>
            <source>More than %1 access sessions match; choose a shorter period or one camera.</source>
            <translation>Pasuje więcej niż %1 sesji dostępu; wybierz krótszy okres lub jedną kamerę.</translation>
        </message>
        <message>
            <source>Name at least one camera (--camera ID|NAME[,...]).</source>
            <translation>Wskaż co najmniej jedną kamerę (--camera ID|NAZWA[,...]).</translation>
        </message>
        <message>
            <source>No font with Polish letters was found to print the document. %1</source>
            <translation>Nie znaleziono czcionki z polskimi literami do wydruku dokumentu. %1</translation>
        </message>
        <message>
            <source>No token for the recording server was given.</source>
            <translation>Nie podano tokenu dla serwera nagrań.</translation>
        </message>
        <message>
            <source>Not enough free space on %1: the export needs about %2 (with a 10 % margin) and %3 is free. Use a larger medium or a shorter time range.</source>
            <translation>Za mało wolnego miejsca na %1: eksport potrzebuje około %2 (z zapasem 10 %), a wolne jest %3. Użyj większego nośnika lub krótszego przedziału czasu.</translation>
        </message>
        <message>
            <source>One group of pictures (%1 bytes) is larger than the part size (%2 bytes); it cannot be split.</source>
            <translation>Jedna grupa obrazów (bajtów: %1) jest większa niż rozmiar części (bajtów: %2); nie można jej podzielić.</translation>
        </message>
        <message>
            <source>Only an https:// address has a certificate to trust.</source>
            <translation>Tylko adres https:// ma certyfikat, któremu można zaufać.</translation>
        </message>
        <message>
            <source>Opening the stream from %1 failed unexpectedly.</source>
            <translation>Otwarcie strumienia z %1 nieoczekiwanie się nie powiodło.</translation>
        </message>
        <message>
            <source>PTZ refused: camera %1 could not be taken over in the database: %2.</source>
            <translation>PTZ odmówione: nie udało się przejąć kamery %1 w bazie danych: %2.</translation>
        </message>
        <message>
            <source>PTZ refused: the lease of camera %1 could not be taken in the database: %2.</source>
            <translation>PTZ odmówione: nie udało się zapisać sterowania kamerą %1 w bazie danych: %2.</translation>
        </message>
        <message>
            <source>PTZ: %1, %2 — %3 (%4) is moving camera %5; it is free when they stop or after %6 s without a move.</source>
            <translation>PTZ: %1, %2 — %3 (%4) steruje kamerą %5; będzie wolna, gdy skończy, albo po %6 s bez ruchu.</translation>
        </message>
        <message>
            <source>Reading back %1 from the medium gave different bytes than were written: the medium is faulty. Use another one.</source>
            <translation>Odczyt %1 z nośnika dał inne bajty niż zapisane: nośnik jest uszkodzony. Użyj innego.</translation>
        </message>
        <message>
            <source>Reading or writing the video failed: %1.</source>
            <translation>Odczyt lub zapis wideo nie powiódł się: %1.</translation>
        </message>
        <message>
            <source>Recording failed for some cameras; it is retried automatically. See the log for details.</source>
            <translation>Nagrywanie części kamer nie powiodło się; jest ponawiane automatycznie. Szczegóły w dzienniku.</translation>
        </message>
        <message>
            <source>Recording stopped: the recordings disk is full. Live view goes on; recording resumes when space is freed.</source>
            <translation>Nagrywanie zatrzymane: dysk nagrań jest pełny. Podgląd na żywo działa dalej; nagrywanie wznowi się po zwolnieniu miejsca.</translation>
        </message>
        <message>
            <source>Recording stream must be 'main' or 'sub', not %1.</source>
            <translation>Nagrywany strumień musi być 'main' lub 'sub', a nie %1.</translation>
        </message>
        <message>
            <source>Recordings disk is full (%1 GB free) and nothing more may be deleted (held as evidence or within the legal minimum of %2 days). Recording will stop when the disk is full.</source>
            <translation>Dysk nagrań jest pełny (wolne: %1 GB) i nic więcej nie wolno usunąć (zabezpieczone jako dowód lub w ustawowym minimum %2 dni). Nagrywanie zatrzyma się, gdy dysk się zapełni.</translation>
        </message>
        <message>
            <source>Recordings disk is full: the oldest footage was deleted before its retention period ended (%1 GB free). Add disk space or shorten retention.</source>
            <translation>Dysk nagrań jest pełny: najstarsze nagrania usunięto przed końcem okresu przechowywania (wolne: %1 GB). Dodaj miejsca na dysku lub skróć okres przechowywania.</translation>
        </message>
        <message>
            <source>Recordings disk is getting full (%1 GB free). Below %2 GB the oldest footage will be deleted before its retention period ends.</source>
            <translation>Dysk nagrań się zapełnia (wolne: %1 GB). Poniżej %2 GB najstarsze nagrania będą usuwane przed końcem okresu przechowywania.</translation>
        </message>
        <message>
            <source>Retention must be a whole number of days from %1 to %2, not %3: the law allows %4.</source>
            <translation>Okres przechowywania musi być całkowitą liczbą dni od %1 do %2, a nie %3: prawo dopuszcza %4.</translation>
        </message>
        <message>
            <source>Schema version %1 (%2) cannot be applied to PostgreSQL: migrations after the baseline must be plain SQL.</source>
            <translation>Wersji schematu %1 (%2) nie można zastosować w PostgreSQL: migracje po wersji bazowej muszą być czystym SQL.</translation>
        </message>
        <message>
            <source>Segment %1 of camera %2 (%3 UTC) from the recording server %4 does not match the SHA-256 the recorder took when it closed the file: it was changed or damaged on the recorder's disk. It is not used, and no evidence package is made from it; tell the recorder's administrator.</source>
            <translation>Segment %1 kamery %2 (%3 UTC) z serwera nagrań %4 nie zgadza się z SHA-256 obliczonym przez rejestrator przy zamknięciu pliku: został zmieniony lub uszkodzony na dysku rejestratora. Nie jest używany i nie powstanie z niego paczka dowodowa; powiadom administratora rejestratora.</translation>
        </message>
        <message>
            <source>Some cameras' clocks are wrong; their recordings are timed by this station's clock instead.</source>
            <translation>Zegary niektórych kamer są błędne; ich nagrania są oznaczane czasem zegara tego stanowiska.</translation>
        </message>
        <message>
            <source>The %1 must be at most %2 characters without control characters.</source>
            <translation>%1: najwyżej %2 znaków, bez znaków sterujących.</translation>
        </message>
        <message>
            <source>The %1 of the request is required.</source>
            <translation>%1 wniosku jest wymagane.</translation>
        </message>
        <message>
            <source>The PKCS#12 file could not be opened: wrong password or not a PKCS#12 file.</source>
            <translation>Nie można otworzyć pliku PKCS#12: błędne hasło albo to nie jest plik PKCS#12.</translation>
        </message>
        <message>
            <source>The PKCS#12 file must hold a private key and its certificate.</source>
            <translation>Plik PKCS#12 musi zawierać klucz prywatny i jego certyfikat.</translation>
        </message>
        <message>
            <source>The PTZ command failed.</source>
            <translation>Polecenie PTZ nie powiodło się.</translation>
        </message>
        <message>
            <source>The PTZ lease of camera #%1 could not be released in the database: %2.</source>
            <translation>Nie udało się zwolnić sterowania PTZ kamery #%1 w bazie danych: %2.</translation>
        </message>
        <message>
            <source>The PTZ leases could not be read from the database: %1.</source>
            <translation>Nie udało się odczytać z bazy danych, kto steruje kamerami PTZ: %1.</translation>
        </message>
        <message>
            <source>The PTZ queue of this camera is closed.</source>
            <translation>Kolejka PTZ tej kamery jest zamknięta.</translation>
        </message>
        <message>
            <source>The RSA signing key is too short (%1 bits).</source>
            <translation>Klucz podpisu RSA jest za krótki (bitów: %1).</translation>
        </message>
        <message>
            <source>The account %1 is locked after %2 failed logins. A shift supervisor or an administrator can unlock it.</source>
            <translation>Konto %1 jest zablokowane po %2 nieudanych logowaniach. Może je odblokować kierownik zmiany lub administrator.</translation>
        </message>
        <message>
            <source>The audit log is damaged: %1.</source>
            <translation>Dziennik audytu jest uszkodzony: %1.</translation>
        </message>
        <message>
            <source>The bookmark must end after it starts (start %1, end %2).</source>
            <translation>Zakładka musi kończyć się po swoim początku (początek %1, koniec %2).</translation>
        </message>
        <message>
            <source>The camera at %1 answered %2%3 instead of sending the stream.</source>
            <translation>Kamera %1 odpowiedziała %2%3 zamiast wysłać strumień.</translation>
        </message>
        <message>
            <source>The camera at %1 answered HTTP %2 to %3.</source>
            <translation>Kamera %1 odpowiedziała HTTP %2 na %3.</translation>
        </message>
        <message>
            <source>The camera at %1 answered but did not send a playable stream.</source>
            <translation>Kamera %1 odpowiedziała, ale nie wysłała odtwarzalnego strumienia.</translation>
        </message>
        <message>
            <source>The camera at %1 cannot be reached. Check its address and the network.</source>
            <translation>Kamera %1 jest nieosiągalna. Sprawdź jej adres i sieć.</translation>
        </message>
        <message>
            <source>The camera at %1 created no usable event subscription.</source>
            <translation>Kamera %1 nie utworzyła użytecznej subskrypcji zdarzeń.</translation>
        </message>
        <message>
            <source>The camera at %1 did not answer %2 in time.</source>
            <translation>Kamera %1 nie odpowiedziała na %2 na czas.</translation>
        </message>
        <message>
            <source>The camera at %1 did not answer within %2 s. Check that it is powered and on the network.</source>
            <translation>Kamera %1 nie odpowiedziała w ciągu %2 s. Sprawdź, czy jest zasilana i podłączona do sieci.</translation>
        </message>
        <message>
            <source>The camera at %1 does not support ONVIF events (%2 refused).</source>
            <translation>Kamera %1 nie obsługuje zdarzeń ONVIF (odmówiła %2).</translation>
        </message>
        <message>
            <source>The camera at %1 does not support ONVIF events (it reports no event service).</source>
            <translation>Kamera %1 nie obsługuje zdarzeń ONVIF (nie zgłasza usługi zdarzeń).</translation>
        </message>
        <message>
            <source>The camera at %1 ended the stream. Reconnecting.</source>
            <translation>Kamera %1 zakończyła strumień. Ponowne łączenie.</translation>
        </message>
        <message>
            <source>The camera at %1 has no stream at this path. Check the stream address.</source>
            <translation>Kamera %1 nie ma strumienia pod tą ścieżką. Sprawdź adres strumienia.</translation>
        </message>
        <message>
            <source>The camera at %1 refused %2: %3</source>
            <translation>Kamera %1 odmówiła %2: %3</translation>
        </message>
        <message>
            <source>The camera at %1 refused the connection. Check the port and that its RTSP service is on.</source>
            <translation>Kamera %1 odrzuciła połączenie. Sprawdź port i czy usługa RTSP jest włączona.</translation>
        </message>
        <message>
            <source>The camera at %1 refused the user name or password. Check the credentials saved for this camera.</source>
            <translation>Kamera %1 odrzuciła nazwę użytkownika lub hasło. Sprawdź dane logowania zapisane dla tej kamery.</translation>
        </message>
        <message>
            <source>The camera at %1 refused the username or password for events (or its clock is far off).</source>
            <translation>Kamera %1 odrzuciła nazwę użytkownika lub hasło dla zdarzeń (albo jej zegar jest mocno przesunięty).</translation>
        </message>
        <message>
            <source>The camera at %1 sent a reply with a DTD; it was rejected as unsafe.</source>
            <translation>Kamera %1 przysłała odpowiedź z DTD; odrzucono ją jako niebezpieczną.</translation>
        </message>
        <message>
            <source>The camera at %1 sent a reply without a SOAP body.</source>
            <translation>Kamera %1 przysłała odpowiedź bez treści SOAP.</translation>
        </message>
        <message>
            <source>The camera at %1 sent an event reply over %2 MiB; it was refused and the subscription is renewed.</source>
            <translation>Kamera %1 przysłała odpowiedź ze zdarzeniami większą niż %2 MiB; odrzucono ją, a subskrypcja jest odnawiana.</translation>
        </message>
        <message>
            <source>The camera at %1 sent an event reply that is not valid XML.</source>
            <translation>Kamera %1 przysłała odpowiedź ze zdarzeniami, która nie jest poprawnym XML.</translation>
        </message>
        <message>
            <source>The camera at %1 stopped sending video for %2 s. Reconnecting.</source>
            <translation>Kamera %1 przestała wysyłać obraz na %2 s. Ponowne łączenie.</translation>
        </message>
        <message>
            <source>The camera has no ONVIF %1 service.</source>
            <translation>Kamera nie ma usługi ONVIF %1.</translation>
        </message>
        <message>
            <source>The camera list could not be changed: %1.</source>
            <translation>Nie można zmienić listy kamer: %1.</translation>
        </message>
        <message>
            <source>The camera list was not changed: %1.</source>
            <translation>Lista kamer nie została zmieniona: %1.</translation>
        </message>
        <message>
            <source>The camera name %1 is only digits, which would be read as a camera id. Add a letter, e.g. 'Camera %2'.</source>
            <translation>Nazwa kamery %1 składa się z samych cyfr i byłaby odczytana jako numer kamery. Dodaj literę, np. 'Kamera %2'.</translation>
        </message>
        <message>
            <source>The camera name is too long (%1 characters; at most %2).</source>
            <translation>Nazwa kamery jest za długa (znaków: %1; najwyżej %2).</translation>
        </message>
        <message>
            <source>The camera name must not contain control characters or text-direction marks (found %1).</source>
            <translation>Nazwa kamery nie może zawierać znaków sterujących ani znaczników kierunku tekstu (znaleziono %1).</translation>
        </message>
        <message>
            <source>The camera needs a name.</source>
            <translation>Kamera potrzebuje nazwy.</translation>
        </message>
        <message>
            <source>The camera reports no media profiles.</source>
            <translation>Kamera nie zgłasza żadnych profili mediów.</translation>
        </message>
        <message>
            <source>The camera's credentials could not be read.</source>
            <translation>Nie można odczytać danych logowania kamery.</translation>
        </message>
        <message>
            <source>The camera's events failed unexpectedly.</source>
            <translation>Odbiór zdarzeń z kamery nieoczekiwanie zawiódł.</translation>
        </message>
        <message>
            <source>The cameras must be a list of camera ids.</source>
            <translation>Kamery muszą być listą numerów kamer.</translation>
        </message>
        <message>
            <source>The case number must be at most %1 printable characters.</source>
            <translation>Sygnatura sprawy może mieć najwyżej %1 drukowalnych znaków.</translation>
        </message>
        <message>
            <source>The certificate does not belong to the signing key.</source>
            <translation>Certyfikat nie należy do klucza podpisu.</translation>
        </message>
        <message>
            <source>The certificate of %1 is not the pinned one; events were not read.</source>
            <translation>Certyfikat %1 nie jest certyfikatem zaufanym (przypiętym); zdarzeń nie odczytano.</translation>
        </message>
        <message>
            <source>The certificate of %1 is not trusted. Check it and trust it explicitly (pin its fingerprint) if it is the camera's own.</source>
            <translation>Certyfikat %1 nie jest zaufany. Sprawdź go i zaufaj mu jawnie (przypnij jego odcisk), jeśli to certyfikat tej kamery.</translation>
        </message>
        <message>
            <source>The comment is longer than %1 characters.</source>
            <translation>Komentarz jest dłuższy niż %1 znaków.</translation>
        </message>
        <message>
            <source>The connection to the recording server at %1 broke (%2).</source>
            <translation>Połączenie z serwerem nagrań %1 zostało przerwane (%2).</translation>
        </message>
        <message>
            <source>The database %1 already holds other tables; create the deployment in an empty database. Nothing was changed.</source>
            <translation>Baza danych %1 zawiera już inne tabele; utwórz wdrożenie w pustej bazie. Nic nie zostało zmienione.</translation>
        </message>
        <message>
            <source>The database %1 already is a videowall deployment (schema version %2); join it with 'videowall station join URL' instead.</source>
            <translation>Baza danych %1 jest już wdrożeniem videowall (wersja schematu %2); zamiast tego dołącz do niej: 'videowall station join URL'.</translation>
        </message>
        <message>
            <source>The database %1 cannot use write-ahead logging (journal mode %2).</source>
            <translation>Baza danych %1 nie może używać dziennika zapisu z wyprzedzeniem (tryb dziennika %2).</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2) and could not be moved aside: %3. Move or delete it, then start again.</source>
            <translation>Baza danych %1 jest uszkodzona (%2) i nie można jej odsunąć: %3. Przenieś ją lub usuń, potem uruchom ponownie.</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2). It was kept as %3; nothing was deleted.</source>
            <translation>Baza danych %1 jest uszkodzona (%2). Zachowano ją jako %3; nic nie usunięto.</translation>
        </message>
        <message>
            <source>The database %1 is not a videowall deployment yet. Create it with 'videowall server init --db URL' first.</source>
            <translation>Baza danych %1 nie jest jeszcze wdrożeniem videowall. Najpierw utwórz je: 'videowall server init --db URL'.</translation>
        </message>
        <message>
            <source>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall on this station.</source>
            <translation>Bazę danych %1 utworzyła nowsza wersja videowall (wersja schematu %2; ta wersja zna do %3). Baza pozostała nietknięta. Zaktualizuj videowall na tym stanowisku.</translation>
        </message>
        <message>
            <source>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall to open it.</source>
            <translation>Bazę danych %1 utworzyła nowsza wersja videowall (wersja schematu %2; ta wersja zna do %3). Pozostawiono ją bez zmian. Zaktualizuj videowall, aby ją otworzyć.</translation>
        </message>
        <message>
            <source>The database address must look like postgresql://user@host:5432/videowall.</source>
            <translation>Adres bazy danych musi mieć postać postgresql://użytkownik@host:5432/videowall.</translation>
        </message>
        <message>
            <source>The database address must start with postgresql:// (got %1://).</source>
            <translation>Adres bazy danych musi zaczynać się od postgresql:// (podano %1://).</translation>
        </message>
        <message>
            <source>The database address needs a user, a host and a database name: postgresql://user@host:5432/videowall.</source>
            <translation>Adres bazy danych wymaga użytkownika, hosta i nazwy bazy: postgresql://użytkownik@host:5432/videowall.</translation>
        </message>
        <message>
            <source>The database server %1 cannot be reached; nothing was saved by this action.</source>
            <translation>Serwer bazy danych %1 jest nieosiągalny; ta czynność niczego nie zapisała.</translation>
        </message>
        <message>
            <source>The debounce time cannot be negative.</source>
            <translation>Czas tłumienia powtórzeń nie może być ujemny.</translation>
        </message>
        <message>
            <source>The demo's recorded footage needs FFmpeg: install the 'ffmpeg' package.</source>
            <translation>Nagrania demonstracyjne wymagają FFmpeg: zainstaluj pakiet 'ffmpeg'.</translation>
        </message>
        <message>
            <source>The deployment must be 'straz' (Straż Miejska/Gminna) or 'gmina' (municipal monitoring), not %1.</source>
            <translation>Wdrożenie musi być 'straz' (Straż Miejska/Gminna) lub 'gmina' (monitoring gminny), a nie %1.</translation>
        </message>
        <message>
            <source>The destination %1 (%2).</source>
            <translation>Miejsce docelowe %1 (%2).</translation>
        </message>
        <message>
            <source>The destination folder %1 does not exist.</source>
            <translation>Folder docelowy %1 nie istnieje.</translation>
        </message>
        <message>
            <source>The destination is full: %1 could not be written completely.</source>
            <translation>Miejsce docelowe jest pełne: nie udało się zapisać całego %1.</translation>
        </message>
        <message>
            <source>The device at %1 answered %2 with HTTP %3 and no SOAP reply.</source>
            <translation>Urządzenie %1 odpowiedziało na %2 kodem HTTP %3 bez odpowiedzi SOAP.</translation>
        </message>
        <message>
            <source>The device at %1 answered %2 with an error that is not a SOAP fault.</source>
            <translation>Urządzenie %1 odpowiedziało na %2 błędem, który nie jest błędem SOAP.</translation>
        </message>
        <message>
            <source>The device at %1 did not answer in time.</source>
            <translation>Urządzenie %1 nie odpowiedziało na czas.</translation>
        </message>
        <message>
            <source>The device at %1 did not finish its reply in time.</source>
            <translation>Urządzenie %1 nie dokończyło odpowiedzi na czas.</translation>
        </message>
        <message>
            <source>The device at %1 refused %2: %3</source>
            <translation>Urządzenie %1 odrzuciło %2: %3</translation>
        </message>
        <message>
            <source>The device at %1 refused the username or password (or its clock is far off).</source>
            <translation>Urządzenie %1 odrzuciło nazwę użytkownika lub hasło (albo jego zegar bardzo się spieszy lub spóźnia).</translation>
        </message>
        <message>
            <source>The device at %1 sent %2 to %3.</source>
            <translation>Urządzenie %1 wysłało %2 w odpowiedzi na %3.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply larger than %2 MB; it was refused (raise the limit only for a device known to send such replies).</source>
            <translation>Urządzenie %1 wysłało odpowiedź większą niż %2 MB; odrzucono ją (podnieś limit tylko dla urządzenia, o którym wiadomo, że wysyła takie odpowiedzi).</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that is not valid XML.</source>
            <translation>Urządzenie %1 wysłało na %2 odpowiedź, która nie jest poprawnym XML.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that lacks %3.</source>
            <translation>Urządzenie %1 wysłało na %2 odpowiedź, w której brakuje: %3.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that this station cannot read.</source>
            <translation>Urządzenie %1 wysłało na %2 odpowiedź, której to stanowisko nie umie odczytać.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply with a DTD, entities or external references; it was rejected as unsafe.</source>
            <translation>Urządzenie %1 wysłało odpowiedź z DTD, encjami lub odwołaniami zewnętrznymi; odrzucono ją jako niebezpieczną.</translation>
        </message>
        <message>
            <source>The end of the period must be after its start.</source>
            <translation>Koniec okresu musi być po jego początku.</translation>
        </message>
        <message>
            <source>The end of the time range must be after its start.</source>
            <translation>Koniec przedziału czasu musi być po jego początku.</translation>
        </message>
        <message>
            <source>The event subscription is not open.</source>
            <translation>Subskrypcja zdarzeń nie jest otwarta.</translation>
        </message>
        <message>
            <source>The evidence signing key in %1 cannot be read (%2).</source>
            <translation>Nie można odczytać klucza podpisu dowodów w %1 (%2).</translation>
        </message>
        <message>
            <source>The exhibit id %1 must be 1–64 ASCII letters, digits, '.', '_' or '-' (it becomes the folder name on the medium), e.g. SM-2026-000123.</source>
            <translation>Numer dowodu %1 musi mieć 1–64 znaki: litery ASCII, cyfry, '.', '_' lub '-' (staje się nazwą folderu na nośniku), np. SM-2026-000123.</translation>
        </message>
        <message>
            <source>The footage server cannot listen on %1:%2: %3.</source>
            <translation>Serwer nagrań nie może nasłuchiwać na %1:%2: %3.</translation>
        </message>
        <message>
            <source>The footage server did not start in time.</source>
            <translation>Serwer nagrań nie uruchomił się na czas.</translation>
        </message>
        <message>
            <source>The free-space floor must be zero or more bytes.</source>
            <translation>Próg wolnego miejsca musi wynosić zero lub więcej bajtów.</translation>
        </message>
        <message>
            <source>The free-space warning level must be at or above the free-space floor.</source>
            <translation>Poziom ostrzeżenia o wolnym miejscu musi być równy progowi wolnego miejsca lub wyższy.</translation>
        </message>
        <message>
            <source>The hold must end after it starts.</source>
            <translation>Zabezpieczenie musi kończyć się po swoim początku.</translation>
        </message>
        <message>
            <source>The hold's start and end need a time zone.</source>
            <translation>Początek i koniec zabezpieczenia wymagają strefy czasowej.</translation>
        </message>
        <message>
            <source>The package %1 is complete and verified, but the audit log could not record it: %2</source>
            <translation>Paczka %1 jest kompletna i sprawdzona, ale dziennik audytu nie mógł jej zapisać: %2</translation>
        </message>
        <message>
            <source>The part size must be at least 256 KiB.</source>
            <translation>Rozmiar części musi wynosić co najmniej 256 KiB.</translation>
        </message>
        <message>
            <source>The passphrase of the evidence signing key (%1) is not in the OS keyring. Import the signing certificate again (PKCS#12), or move the signing folder away to create a new station key.</source>
            <translation>Hasła klucza podpisu dowodów (%1) nie ma w systemowym magazynie haseł. Zaimportuj certyfikat podpisu ponownie (PKCS#12) albo przenieś folder podpisu, aby utworzyć nowy klucz stanowiska.</translation>
        </message>
        <message>
            <source>The password of the shared database %1 is not in this station's keyring. Join again: videowall station join URL --password-stdin.</source>
            <translation>Hasła wspólnej bazy danych %1 nie ma w magazynie haseł tego stanowiska. Dołącz ponownie: videowall station join URL --password-stdin.</translation>
        </message>
        <message>
            <source>The period holds more than %1 events; choose a shorter period.</source>
            <translation>W tym okresie jest więcej niż %1 zdarzeń; wybierz krótszy okres.</translation>
        </message>
        <message>
            <source>The period of the activity record needs a time zone.</source>
            <translation>Okres informacji o czynności wymaga strefy czasowej.</translation>
        </message>
        <message>
            <source>The pre-roll and the post-roll cannot both be 0: the bookmark would cover no footage.</source>
            <translation>Czas przed i czas po nie mogą oba wynosić 0: zakładka nie obejmowałaby żadnego nagrania.</translation>
        </message>
        <message>
            <source>The reason must be at most %1 printable characters.</source>
            <translation>Powód może mieć najwyżej %1 drukowalnych znaków.</translation>
        </message>
        <message>
            <source>The recorder could not keep up for a moment; the timeline shows the gaps.</source>
            <translation>Rejestrator przez chwilę nie nadążał; oś czasu pokazuje luki.</translation>
        </message>
        <message>
            <source>The recording %1 has no video stream.</source>
            <translation>Nagranie %1 nie ma strumienia wideo.</translation>
        </message>
        <message>
            <source>The recording server at %1 answered %2: %3.</source>
            <translation>Serwer nagrań %1 odpowiedział %2: %3.</translation>
        </message>
        <message>
            <source>The recording server at %1 cannot be reached (%2). Check that it runs and that the network to it works.</source>
            <translation>Nie można połączyć się z serwerem nagrań %1 (%2). Sprawdź, czy działa i czy sieć do niego jest sprawna.</translation>
        </message>
        <message>
            <source>The recording server at %1 did not answer in time.</source>
            <translation>Serwer nagrań %1 nie odpowiedział na czas.</translation>
        </message>
        <message>
            <source>The recording server at %1 refused this station's session (%2) Ask for a new token on the recorder: videowall recorder token --user NAME.</source>
            <translation>Serwer nagrań %1 odrzucił sesję tego stanowiska (%2). Poproś o nowy token na rejestratorze: videowall recorder token --user NAZWA.</translation>
        </message>
        <message>
            <source>The recording server at %1 sent an unreadable answer.</source>
            <translation>Serwer nagrań %1 przysłał nieczytelną odpowiedź.</translation>
        </message>
        <message>
            <source>The recording server at %1 showed a certificate this station does not trust (%2). Give the recorder's CA certificate (--recorder-ca).</source>
            <translation>Serwer nagrań %1 przedstawił certyfikat, któremu to stanowisko nie ufa (%2). Podaj certyfikat CA rejestratora (--recorder-ca).</translation>
        </message>
        <message>
            <source>The recording server sent a segment description this station cannot read (%1: %2); are both on the same videowall version?</source>
            <translation>Serwer nagrań przysłał opis segmentu, którego to stanowisko nie umie odczytać (%1: %2); czy oba mają tę samą wersję videowall?</translation>
        </message>
        <message>
            <source>The recording server sent gaps this station cannot read.</source>
            <translation>Serwer nagrań przysłał luki, których to stanowisko nie umie odczytać.</translation>
        </message>
        <message>
            <source>The recordings folder %1 is missing or is not the one recorded to before (no %2 file). If its disk is not mounted, mount it and start again.</source>
            <translation>Brak folderu nagrań %1 albo nie jest to folder, do którego wcześniej nagrywano (brak pliku %2). Jeśli jego dysk nie jest zamontowany, zamontuj go i uruchom ponownie.</translation>
        </message>
        <message>
            <source>The recordings of camera %1 (%2) hold no frame in the requested time range.</source>
            <translation>Nagrania kamery %1 (%2) nie zawierają żadnej klatki w żądanym przedziale czasu.</translation>
        </message>
        <message>
            <source>The settings file %1 is damaged (%2) and could not be moved aside (%3). Default settings are used; fix or remove the file.</source>
            <translation>Plik ustawień %1 jest uszkodzony (%2) i nie można go odsunąć (%3). Używane są ustawienia domyślne; napraw lub usuń plik.</translation>
        </message>
        <message>
            <source>The settings file %1 is damaged (%2). It was kept as %3 and default settings are used until you save new ones.</source>
            <translation>Plik ustawień %1 jest uszkodzony (%2). Zachowano go jako %3; do zapisania nowych używane są ustawienia domyślne.</translation>
        </message>
        <message>
            <source>The settings file %1 was written by a newer videowall (settings version %2; this version understands up to %3). It was left untouched and will not be overwritten; default settings are used. Upgrade videowall to use it.</source>
            <translation>Plik ustawień %1 zapisała nowsza wersja videowall (wersja ustawień %2; ta wersja rozumie do %3). Pozostawiono go bez zmian i nie zostanie nadpisany; używane są ustawienia domyślne. Zaktualizuj videowall, aby z niego korzystać.</translation>
        </message>
        <message>
            <source>The signature read back from the medium does not verify (%1).</source>
            <translation>Podpis odczytany z nośnika nie przechodzi weryfikacji (%1).</translation>
        </message>
        <message>
            <source>The signing key must be RSA or ECDSA.</source>
            <translation>Klucz podpisu musi być typu RSA lub ECDSA.</translation>
        </message>
        <message>
            <source>The station database has lost its station identity, so camera passwords cannot be found. Restore the database from a backup.</source>
            <translation>Baza danych stanowiska utraciła jego identyfikator, więc nie można odnaleźć haseł kamer. Przywróć bazę z kopii zapasowej.</translation>
        </message>
        <message>
            <source>The station is closing; PTZ is not available.</source>
            <translation>Stanowisko jest zamykane; PTZ jest niedostępne.</translation>
        </message>
        <message>
            <source>The station is closing; bookmarks are not available.</source>
            <translation>Stanowisko jest zamykane; zakładki są niedostępne.</translation>
        </message>
        <message>
            <source>The station is closing; recordings are not available.</source>
            <translation>Stanowisko jest zamykane; nagrania są niedostępne.</translation>
        </message>
        <message>
            <source>The station's deployment file %1 is unreadable (%2). Join again with 'videowall station join URL', or delete the file to use this station's own database.</source>
            <translation>Pliku wdrożenia stanowiska %1 nie można odczytać (%2). Dołącz ponownie ('videowall station join URL') albo usuń plik, aby używać własnej bazy stanowiska.</translation>
        </message>
        <message>
            <source>The stored credentials of camera %1 are unreadable. Enter the username and password again.</source>
            <translation>Zapisane dane logowania kamery %1 są nieczytelne. Wpisz ponownie nazwę użytkownika i hasło.</translation>
        </message>
        <message>
            <source>The stored view '%1' is damaged: %2.</source>
            <translation>Zapisany widok '%1' jest uszkodzony: %2.</translation>
        </message>
        <message>
            <source>The stream address contains a user name or password. Remove them from the address and enter them in the camera's user and password fields instead.</source>
            <translation>Adres strumienia zawiera nazwę użytkownika lub hasło. Usuń je z adresu i wpisz w pola użytkownika i hasła kamery.</translation>
        </message>
        <message>
            <source>The stream address contains control characters.</source>
            <translation>Adres strumienia zawiera znaki sterujące.</translation>
        </message>
        <message>
            <source>The stream address contains spaces. Remove them (encode a space in a path as %20).</source>
            <translation>Adres strumienia zawiera spacje. Usuń je (spację w ścieżce zapisz jako %20).</translation>
        </message>
        <message>
            <source>The stream address has an invalid port '%1': use a number from 1 to 65535.</source>
            <translation>Adres strumienia ma błędny port '%1': użyj liczby od 1 do 65535.</translation>
        </message>
        <message>
            <source>The stream address has no camera host. Enter an address like rtsp://camera-host:554/stream.</source>
            <translation>Adres strumienia nie zawiera hosta kamery. Wpisz adres w postaci rtsp://host-kamery:554/strumien.</translation>
        </message>
        <message>
            <source>The stream address is empty. Enter an address like rtsp://camera-host:554/stream.</source>
            <translation>Adres strumienia jest pusty. Wpisz adres w postaci rtsp://host-kamery:554/strumien.</translation>
        </message>
        <message>
            <source>The stream address is malformed (check the brackets around an IPv6 host).</source>
            <translation>Adres strumienia jest błędny (sprawdź nawiasy wokół hosta IPv6).</translation>
        </message>
        <message>
            <source>The stream address must start with rtsp:// or rtsps://.</source>
            <translation>Adres strumienia musi zaczynać się od rtsp:// lub rtsps://.</translation>
        </message>
        <message>
            <source>The stream from %1 has no video track.</source>
            <translation>Strumień z %1 nie ma ścieżki wideo.</translation>
        </message>
        <message>
            <source>The stream from %1 was lost. Reconnecting.</source>
            <translation>Utracono strumień z %1. Ponowne łączenie.</translation>
        </message>
        <message>
            <source>The stream stopped because of an internal error.</source>
            <translation>Strumień zatrzymał się z powodu błędu wewnętrznego.</translation>
        </message>
        <message>
            <source>The time range is longer than 7 days; export it in several packages.</source>
            <translation>Przedział czasu jest dłuższy niż 7 dni; wyeksportuj go w kilku paczkach.</translation>
        </message>
        <message>
            <source>The time range must carry a time zone.</source>
            <translation>Przedział czasu musi mieć strefę czasową.</translation>
        </message>
        <message>
            <source>The user name must be 1 to %1 printable characters.</source>
            <translation>Nazwa użytkownika musi mieć od 1 do %1 drukowalnych znaków.</translation>
        </message>
        <message>
            <source>The user was not added: %1.</source>
            <translation>Nie dodano użytkownika: %1.</translation>
        </message>
        <message>
            <source>The username must be text without control characters.</source>
            <translation>Nazwa użytkownika musi być tekstem bez znaków sterujących.</translation>
        </message>
        <message>
            <source>The video library cannot open this kind of address (camera at %1).</source>
            <translation>Biblioteka wideo nie potrafi otworzyć adresu tego rodzaju (kamera %1).</translation>
        </message>
        <message>
            <source>There is no alarm %1.</source>
            <translation>Nie ma alarmu %1.</translation>
        </message>
        <message>
            <source>There is no bookmark with id %1.</source>
            <translation>Nie ma zakładki o numerze %1.</translation>
        </message>
        <message>
            <source>There is no camera named %1.</source>
            <translation>Nie ma kamery o nazwie %1.</translation>
        </message>
        <message>
            <source>There is no camera with id %1.</source>
            <translation>Nie ma kamery o numerze %1.</translation>
        </message>
        <message>
            <source>There is no camera with id %1; pick the cameras again.</source>
            <translation>Nie ma kamery o numerze %1; wybierz kamery ponownie.</translation>
        </message>
        <message>
            <source>There is no legal hold with id %1.</source>
            <translation>Nie ma zabezpieczenia o numerze %1.</translation>
        </message>
        <message>
            <source>There is no recording of camera %1 (%2) between %3 and %4 UTC. Choose a time range with footage.</source>
            <translation>Brak nagrania kamery %1 (%2) między %3 a %4 UTC. Wybierz przedział czasu z nagraniem.</translation>
        </message>
        <message>
            <source>There is no user %1.</source>
            <translation>Nie ma użytkownika %1.</translation>
        </message>
        <message>
            <source>There is no view named '%1'.</source>
            <translation>Nie ma widoku o nazwie '%1'.</translation>
        </message>
        <message>
            <source>These bookmark fields cannot be edited: %1 (editable: %2).</source>
            <translation>Tych pól zakładki nie można edytować: %1 (edytowalne: %2).</translation>
        </message>
        <message>
            <source>This camera has no PTZ service.</source>
            <translation>Ta kamera nie ma usługi PTZ.</translation>
        </message>
        <message>
            <source>This camera has no PTZ.</source>
            <translation>Ta kamera nie ma PTZ.</translation>
        </message>
        <message>
            <source>This camera was not added by ONVIF, so it has no PTZ control.</source>
            <translation>Tej kamery nie dodano przez ONVIF, więc nie ma sterowania PTZ.</translation>
        </message>
        <message>
            <source>This database has no audit log table; it was opened without the "audit log" migration.</source>
            <translation>Ta baza danych nie ma tabeli dziennika audytu; otwarto ją bez migracji "dziennik audytu".</translation>
        </message>
        <message>
            <source>This deployment requires a reason and a case number to play back recordings: give both.</source>
            <translation>Ten system wymaga podania powodu i sygnatury sprawy przed odtworzeniem nagrań: podaj oba.</translation>
        </message>
        <message>
            <source>This deployment requires a reason and a case number to watch this live video: give both.</source>
            <translation>Ten system wymaga podania powodu i sygnatury sprawy przed podglądem tego obrazu na żywo: podaj oba.</translation>
        </message>
        <message>
            <source>This station was opened without streams; it cannot record.</source>
            <translation>To stanowisko otwarto bez strumieni; nie może nagrywać.</translation>
        </message>
        <message>
            <source>Unknown PTZ command.</source>
            <translation>Nieznane polecenie PTZ.</translation>
        </message>
        <message>
            <source>Unknown category %1; choose one of: %2.</source>
            <translation>Nieznana kategoria %1; wybierz jedną z: %2.</translation>
        </message>
        <message>
            <source>Unknown database option %1; the address may carry only %2.</source>
            <translation>Nieznana opcja bazy danych %1; adres może zawierać tylko %2.</translation>
        </message>
        <message>
            <source>Unknown keyring %1: use 'os' or 'memory' (set by %2).</source>
            <translation>Nieznany magazyn haseł %1: użyj 'os' lub 'memory' (ustawione przez %2).</translation>
        </message>
        <message>
            <source>Unknown signing key type %1; use one of %2.</source>
            <translation>Nieznany typ klucza podpisu %1; użyj jednego z: %2.</translation>
        </message>
        <message>
            <source>Unsupported address type '%1://': only rtsp:// and rtsps:// are supported.</source>
            <translation>Nieobsługiwany rodzaj adresu '%1://': obsługiwane są tylko rtsp:// i rtsps://.</translation>
        </message>
        <message>
            <source>Writing the export failed: %1.</source>
            <translation>Zapis eksportu nie powiódł się: %1.</translation>
        </message>
        <message>
            <source>bookmark_categories must be a non-empty list of category names</source>
            <translation>bookmark_categories musi być niepustą listą nazw kategorii</translation>
        </message>
        <message>
            <source>bookmark_categories must hold names of 1 to 100 characters without control characters or surrounding spaces, not %1</source>
            <translation>bookmark_categories musi zawierać nazwy o długości od 1 do 100 znaków, bez znaków sterujących i spacji na brzegach, a nie %1</translation>
        </message>
        <message>
            <source>bookmark_categories must not name a category twice</source>
            <translation>bookmark_categories nie może wymieniać kategorii dwa razy</translation>
        </message>
        <message>
            <source>bookmark_pre_roll_s and bookmark_post_roll_s cannot both be 0</source>
            <translation>bookmark_pre_roll_s i bookmark_post_roll_s nie mogą jednocześnie wynosić 0</translation>
        </message>
        <message>
            <source>entries %1–%2 were deleted from the end of the log (sequence numbers up to %3 were issued)</source>
            <translation>wpisy %1–%2 usunięto z końca dziennika (wydano numery kolejne do %3)</translation>
        </message>
        <message>
            <source>entry %1: %2</source>
            <translation>wpis %1: %2</translation>
        </message>
        <message>
            <source>entry %1: does not match the anchor %2… recorded outside the log</source>
            <translation>wpis %1: nie zgadza się z kotwicą %2… zapisaną poza dziennikiem</translation>
        </message>
        <message>
            <source>entry %1: its content does not match its hash (edited?)</source>
            <translation>wpis %1: treść nie zgadza się ze skrótem (edytowany?)</translation>
        </message>
        <message>
            <source>entry %1: its details were rewritten (not in canonical form)</source>
            <translation>wpis %1: szczegóły przepisano (nie są w postaci kanonicznej)</translation>
        </message>
        <message>
            <source>entry %1: its link to entry %2 is broken (entry %3 was changed or replaced, or this one was)</source>
            <translation>wpis %1: jego powiązanie z wpisem %2 jest zerwane (wpis %3 zmieniono lub zastąpiono, albo ten wpis)</translation>
        </message>
        <message>
            <source>it has unknown settings: %1%2</source>
            <translation>zawiera nieznane ustawienia: %1%2</translation>
        </message>
        <message>
            <source>it is larger than %1 KiB</source>
            <translation>jest większy niż %1 KiB</translation>
        </message>
        <message>
            <source>it is nested too deeply to be settings</source>
            <translation>jest zbyt głęboko zagnieżdżony, by mógł być ustawieniami</translation>
        </message>
        <message>
            <source>it is not UTF-8 text (%1 at byte %2)</source>
            <translation>nie jest tekstem UTF-8 (%1 w bajcie %2)</translation>
        </message>
        <message>
            <source>it is not readable JSON: %1</source>
            <translation>nie jest czytelnym JSON: %1</translation>
        </message>
        <message>
            <source>max_live_decoders must be a whole number from 1 to 64, not %1</source>
            <translation>max_live_decoders musi być liczbą całkowitą od 1 do 64, a nie %1</translation>
        </message>
        <message>
            <source>max_warm_sessions must be a whole number from 0 to 256, not %1</source>
            <translation>max_warm_sessions musi być liczbą całkowitą od 0 do 256, a nie %1</translation>
        </message>
        <message>
            <source>reasons_required must be a list of %1, not %2</source>
            <translation>reasons_required musi być listą spośród %1, a nie %2</translation>
        </message>
        <message>
            <source>reconnect_max_backoff_s must be a number of seconds from 1 to 3600, not %1</source>
            <translation>reconnect_max_backoff_s musi być liczbą sekund od 1 do 3600, a nie %1</translation>
        </message>
        <message>
            <source>recordings_dir must be a folder path (without control characters) or null</source>
            <translation>recordings_dir musi być ścieżką folderu (bez znaków sterujących) lub null</translation>
        </message>
        <message>
            <source>station_name must be text of at most 100 characters without control characters</source>
            <translation>station_name musi być tekstem o długości najwyżej 100 znaków, bez znaków sterujących</translation>
        </message>
        <message>
            <source>the append-only protection was removed (missing triggers: %1)</source>
            <translation>usunięto ochronę przed zmianami (brak wyzwalaczy: %1)</translation>
        </message>
        <message>
            <source>the file name %1 contains control characters</source>
            <translation>nazwa pliku %1 zawiera znaki sterujące</translation>
        </message>
        <message>
            <source>the file name %1 is absolute; a package names its files relative to its folder</source>
            <translation>nazwa pliku %1 jest bezwzględna; paczka podaje nazwy plików względem swojego folderu</translation>
        </message>
        <message>
            <source>the file name %1 is not a relative path</source>
            <translation>nazwa pliku %1 nie jest ścieżką względną</translation>
        </message>
        <message>
            <source>the file name %1 leaves the package folder or is not plain (no '..', '.' or '//')</source>
            <translation>nazwa pliku %1 wychodzi poza folder paczki lub nie jest prosta (bez '..', '.' i '//')</translation>
        </message>
        <message>
            <source>timezone must be an IANA zone such as 'Europe/Warsaw', not %1</source>
            <translation>timezone musi być strefą IANA, np. 'Europe/Warsaw', a nie %1</translation>
        </message>
        <message>
            <source>ui_language must be a language code such as 'pl' or 'en', not %1</source>
            <translation>ui_language musi być kodem języka, np. 'pl' lub 'en', a nie %1</translation>
        </message>
        <message>
            <source>version must be %1, not %2</source>
            <translation>version musi wynosić %1, a nie %2</translation>
        </message>
        <message>
            <source>wall_repaint_hz must be a whole number from 1 to 120, not %1</source>
            <translation>wall_repaint_hz musi być liczbą całkowitą od 1 do 120, a nie %1</translation>
        </message>
    </context>
</TS>
