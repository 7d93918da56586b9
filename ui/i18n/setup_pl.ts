<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
    <context>
        <name>Setup</name>
        <message>
            <source> GB</source>
            <translation> GB</translation>
        </message>
        <message>
            <source> days</source>
            <translation> dni</translation>
        </message>
        <message>
            <source>%1 %2: profiles: %3 (%4); PTZ: %5.</source>
            <translation>%1 %2: profile: %3 (%4); PTZ: %5.</translation>
        </message>
        <message>
            <source>&amp;Cameras</source>
            <translation>&amp;Kamery</translation>
        </message>
        <message>
            <source>&amp;Station</source>
            <translation>&amp;Stanowisko</translation>
        </message>
        <message>
            <source>Add a camera by its address…</source>
            <translation>Dodaj kamerę po adresie…</translation>
        </message>
        <message>
            <source>Add camera</source>
            <translation>Dodaj kamerę</translation>
        </message>
        <message>
            <source>Add camera…</source>
            <translation>Dodaj kamerę…</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Dziennik audytu</translation>
        </message>
        <message>
            <source>Automatic (TCP, then UDP)</source>
            <translation>Automatycznie (TCP, potem UDP)</translation>
        </message>
        <message>
            <source>Automatic (UDP, then TCP)</source>
            <translation>Automatycznie (UDP, potem TCP)</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Kamera</translation>
        </message>
        <message>
            <source>Cameras that answered: %1. Choose one and read it from the camera.</source>
            <translation>Kamery, które odpowiedziały: %1. Wybierz jedną i odczytaj jej dane z kamery.</translation>
        </message>
        <message>
            <source>Checking every file and frame…</source>
            <translation>Sprawdzanie każdego pliku i każdej klatki…</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Sprawdzanie…</translation>
        </message>
        <message>
            <source>Checks an evidence package as its recipient would: the signature, every file against the manifest, SHA256SUMS, the frame hashes of every clip and the audit excerpt.</source>
            <translation>Sprawdza paczkę dowodową tak jak jej odbiorca: podpis, każdy plik względem manifestu, SHA256SUMS, skróty klatek każdego nagrania i wyciąg z dziennika audytu.</translation>
        </message>
        <message>
            <source>Connected: %1×%2 pixels.</source>
            <translation>Połączono: %1×%2 pikseli.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Łączenie…</translation>
        </message>
        <message>
            <source>Connection test</source>
            <translation>Test połączenia</translation>
        </message>
        <message>
            <source>Delete the oldest footage early below</source>
            <translation>Usuwaj najstarsze nagrania przed czasem poniżej</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>Wdrożenie</translation>
        </message>
        <message>
            <source>Deployment settings…</source>
            <translation>Ustawienia wdrożenia…</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Dzielnica</translation>
        </message>
        <message>
            <source>Edit camera %1</source>
            <translation>Edycja kamery %1</translation>
        </message>
        <message>
            <source>Edit the selected tile's camera…</source>
            <translation>Edytuj kamerę zaznaczonego kafelka…</translation>
        </message>
        <message>
            <source>Every export, legal hold and bookmark change is in the audit log; each entry carries the hash of the one before, so a changed or removed entry is found.</source>
            <translation>Każdy eksport, zabezpieczenie i zmiana zakładki trafia do dziennika audytu; każdy wpis zawiera skrót poprzedniego, więc zmieniony lub usunięty wpis zostanie wykryty.</translation>
        </message>
        <message>
            <source>Evidence packages are signed with this certificate. Give its SHA-256 fingerprint to the recipients so they can check the signature.</source>
            <translation>Paczki dowodowe są podpisywane tym certyfikatem. Przekaż odbiorcom jego odcisk SHA-256, aby mogli sprawdzić podpis.</translation>
        </message>
        <message>
            <source>Find the camera (ONVIF)</source>
            <translation>Znajdź kamerę (ONVIF)</translation>
        </message>
        <message>
            <source>Footage is kept %1 days (the station's retention, set by the deployment's law); footage secured as evidence is kept until released.</source>
            <translation>Nagrania są przechowywane %1 dni (okres stanowiska, wynikający z przepisów dla wdrożenia); nagrania zabezpieczone jako dowód są przechowywane do ich zwolnienia.</translation>
        </message>
        <message>
            <source>Import a CA-issued certificate (PKCS#12)…</source>
            <translation>Importuj certyfikat wydany przez CA (PKCS#12)…</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importowanie…</translation>
        </message>
        <message>
            <source>Keep footage for</source>
            <translation>Przechowuj nagrania przez</translation>
        </message>
        <message>
            <source>Language (after a restart)</source>
            <translation>Język (po ponownym uruchomieniu)</translation>
        </message>
        <message>
            <source>Last entry's hash: %1</source>
            <translation>Skrót ostatniego wpisu: %1</translation>
        </message>
        <message>
            <source>Main stream</source>
            <translation>Strumień główny</translation>
        </message>
        <message>
            <source>Main stream (full resolution)</source>
            <translation>Strumień główny (pełna rozdzielczość)</translation>
        </message>
        <message>
            <source>Municipal monitoring run by the gmina (at most 90 days)</source>
            <translation>Monitoring gminny prowadzony przez gminę (najwyżej 90 dni)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nazwa</translation>
        </message>
        <message>
            <source>No camera answered. Type its ONVIF address, or fill in its stream addresses.</source>
            <translation>Żadna kamera nie odpowiedziała. Wpisz jej adres ONVIF albo podaj adresy strumieni.</translation>
        </message>
        <message>
            <source>No picture.</source>
            <translation>Brak obrazu.</translation>
        </message>
        <message>
            <source>ONVIF address</source>
            <translation>Adres ONVIF</translation>
        </message>
        <message>
            <source>Open a package folder…</source>
            <translation>Otwórz folder paczki…</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organizacja</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>PKCS#12 file</source>
            <translation>Plik PKCS#12</translation>
        </message>
        <message>
            <source>PKCS#12 password</source>
            <translation>Hasło PKCS#12</translation>
        </message>
        <message>
            <source>PTZ</source>
            <translation>PTZ</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Hasło</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Miejsce</translation>
        </message>
        <message>
            <source>RTSP transport</source>
            <translation>Transport RTSP</translation>
        </message>
        <message>
            <source>Read from the camera</source>
            <translation>Odczytaj z kamery</translation>
        </message>
        <message>
            <source>Reading the camera…</source>
            <translation>Odczytywanie kamery…</translation>
        </message>
        <message>
            <source>Reading the signing key (the first time, a key is created: this takes a moment)…</source>
            <translation>Odczytywanie klucza podpisu (za pierwszym razem klucz jest tworzony: to chwilę trwa)…</translation>
        </message>
        <message>
            <source>Record this camera on this station</source>
            <translation>Nagrywaj tę kamerę na tym stanowisku</translation>
        </message>
        <message>
            <source>Recorded stream</source>
            <translation>Nagrywany strumień</translation>
        </message>
        <message>
            <source>Recording</source>
            <translation>Nagrywanie</translation>
        </message>
        <message>
            <source>Remove camera</source>
            <translation>Usuń kamerę</translation>
        </message>
        <message>
            <source>Remove camera %1? Its recordings stay until the retention period deletes them.</source>
            <translation>Usunąć kamerę %1? Jej nagrania pozostaną do końca okresu przechowywania.</translation>
        </message>
        <message>
            <source>Save the settings</source>
            <translation>Zapisz ustawienia</translation>
        </message>
        <message>
            <source>Saved. Recording uses the new retention and free-space limits from its next start.</source>
            <translation>Zapisano. Nagrywanie użyje nowego okresu przechowywania i progów wolnego miejsca od następnego uruchomienia.</translation>
        </message>
        <message>
            <source>Search the network</source>
            <translation>Szukaj w sieci</translation>
        </message>
        <message>
            <source>Search the network for ONVIF cameras…</source>
            <translation>Szukaj kamer ONVIF w sieci…</translation>
        </message>
        <message>
            <source>Search the network for cameras…</source>
            <translation>Szukaj kamer w sieci…</translation>
        </message>
        <message>
            <source>Search the network or type the camera's ONVIF address, then read its streams and PTZ from it. Cameras without ONVIF: fill in the stream addresses below.</source>
            <translation>Przeszukaj sieć lub wpisz adres ONVIF kamery, potem odczytaj z niej strumienie i PTZ. Kamery bez ONVIF: podaj adresy strumieni poniżej.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Szukanie…</translation>
        </message>
        <message>
            <source>Select a tile showing a camera to edit it.</source>
            <translation>Zaznacz kafelek z kamerą, aby ją edytować.</translation>
        </message>
        <message>
            <source>Show the signing certificate</source>
            <translation>Pokaż certyfikat podpisu</translation>
        </message>
        <message>
            <source>Signing certificate: %1; signatures use %2.</source>
            <translation>Certyfikat podpisu: %1; podpisy: %2.</translation>
        </message>
        <message>
            <source>Signing key</source>
            <translation>Klucz podpisu</translation>
        </message>
        <message>
            <source>Signing key…</source>
            <translation>Klucz podpisu…</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>Nazwa stanowiska</translation>
        </message>
        <message>
            <source>Station settings and checks</source>
            <translation>Ustawienia i kontrole stanowiska</translation>
        </message>
        <message>
            <source>Straż Miejska / Gminna (footage kept 20–60 days)</source>
            <translation>Straż Miejska / Gminna (nagrania przez 20–60 dni)</translation>
        </message>
        <message>
            <source>Sub stream</source>
            <translation>Strumień pomocniczy</translation>
        </message>
        <message>
            <source>Sub stream (low resolution)</source>
            <translation>Strumień pomocniczy (niska rozdzielczość)</translation>
        </message>
        <message>
            <source>TCP only</source>
            <translation>Tylko TCP</translation>
        </message>
        <message>
            <source>Test the connection</source>
            <translation>Testuj połączenie</translation>
        </message>
        <message>
            <source>Test the connection to see the camera here.</source>
            <translation>Przetestuj połączenie, aby zobaczyć tu obraz z kamery.</translation>
        </message>
        <message>
            <source>The audit log has been tampered with. Problems found: %1.</source>
            <translation>Dziennik audytu został naruszony. Znalezione problemy: %1.</translation>
        </message>
        <message>
            <source>The audit log is intact; the chain is unbroken. Entries: %1.</source>
            <translation>Dziennik audytu jest nienaruszony; łańcuch jest ciągły. Wpisy: %1.</translation>
        </message>
        <message>
            <source>The demo runs simulated cameras in a separate, temporary station: nothing is added here.</source>
            <translation>Demo uruchamia symulowane kamery na osobnym, tymczasowym stanowisku: tutaj nic nie zostanie dodane.</translation>
        </message>
        <message>
            <source>The file's password:</source>
            <translation>Hasło pliku:</translation>
        </message>
        <message>
            <source>The package does NOT check; do not rely on it. Problems found: %1.</source>
            <translation>Paczka NIE przechodzi sprawdzenia; nie polegaj na niej. Znalezione problemy: %1.</translation>
        </message>
        <message>
            <source>The package folder (the one holding manifest.json)</source>
            <translation>Folder paczki (ten, w którym jest manifest.json)</translation>
        </message>
        <message>
            <source>The package is intact and signed by %1. Files matching the manifest: %2.</source>
            <translation>Paczka jest nienaruszona i podpisana przez %1. Pliki zgodne z manifestem: %2.</translation>
        </message>
        <message>
            <source>The system's language</source>
            <translation>Język systemu</translation>
        </message>
        <message>
            <source>This station has no cameras yet. Find them on the network, add one by its address, or look around with the demo cameras first.</source>
            <translation>To stanowisko nie ma jeszcze kamer. Znajdź je w sieci, dodaj kamerę po adresie albo najpierw rozejrzyj się na kamerach demonstracyjnych.</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Strefa czasowa</translation>
        </message>
        <message>
            <source>Try the demo cameras</source>
            <translation>Wypróbuj kamery demonstracyjne</translation>
        </message>
        <message>
            <source>UDP only</source>
            <translation>Tylko UDP</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Jednostka</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Użytkownik</translation>
        </message>
        <message>
            <source>Verify a package</source>
            <translation>Sprawdź paczkę</translation>
        </message>
        <message>
            <source>Verify an evidence package…</source>
            <translation>Sprawdź paczkę dowodową…</translation>
        </message>
        <message>
            <source>Verify the audit log</source>
            <translation>Sprawdź dziennik audytu</translation>
        </message>
        <message>
            <source>Verify the audit log…</source>
            <translation>Sprawdź dziennik audytu…</translation>
        </message>
        <message>
            <source>Warn when free space is below</source>
            <translation>Ostrzegaj, gdy wolnego miejsca jest mniej niż</translation>
        </message>
        <message>
            <source>Welcome to videowall</source>
            <translation>Witamy w videowall</translation>
        </message>
        <message>
            <source>connecting</source>
            <translation>łączenie</translation>
        </message>
        <message>
            <source>e.g. Centrum Monitoringu</source>
            <translation>np. Centrum Monitoringu</translation>
        </message>
        <message>
            <source>e.g. Straż Miejska Miasta Krakowa</source>
            <translation>np. Straż Miejska Miasta Krakowa</translation>
        </message>
        <message>
            <source>imported, issued by a CA</source>
            <translation>zaimportowany, wydany przez CA</translation>
        </message>
        <message>
            <source>live</source>
            <translation>na żywo</translation>
        </message>
        <message>
            <source>made by this station</source>
            <translation>utworzony przez to stanowisko</translation>
        </message>
        <message>
            <source>manifest.json SHA-256: %1</source>
            <translation>SHA-256 pliku manifest.json: %1</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>nie połączono</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>niedostępna</translation>
        </message>
        <message>
            <source>optional: the low resolution stream for small tiles</source>
            <translation>opcjonalnie: strumień o niskiej rozdzielczości dla małych kafelków</translation>
        </message>
        <message>
            <source>reconnecting</source>
            <translation>ponowne łączenie</translation>
        </message>
        <message>
            <source>recording</source>
            <translation>nagrywanie</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>bez zmian</translation>
        </message>
        <message>
            <source>videowall — first start</source>
            <translation>videowall — pierwsze uruchomienie</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>tak</translation>
        </message>
    </context>
    <context>
        <name>CameraPanel</name>
        <message>
            <source>Add camera…</source>
            <translation>Dodaj kamerę…</translation>
        </message>
        <message>
            <source>Edit camera…</source>
            <translation>Edytuj kamerę…</translation>
        </message>
        <message>
            <source>Remove camera…</source>
            <translation>Usuń kamerę…</translation>
        </message>
    </context>
</TS>
