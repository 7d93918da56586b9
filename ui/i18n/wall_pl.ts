<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>TileState</name>
    <message><source>connecting</source><translation>łączenie</translation></message>
    <message><source>live</source><translation>na żywo</translation></message>
    <message><source>reconnecting</source><translation>ponowne łączenie</translation></message>
    <message><source>authentication failed</source><translation>błąd uwierzytelnienia</translation></message>
    <message><source>unreachable</source><translation>kamera nieosiągalna</translation></message>
    <message><source>invalid URL</source><translation>błędny adres URL</translation></message>
    <message><source>stopped</source><translation>zatrzymano</translation></message>
    <message><source>paused: limit</source><translation>wstrzymano: limit</translation></message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation><numerusform>za %n s</numerusform><numerusform>za %n s</numerusform><numerusform>za %n s</numerusform></translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message><source>videowall — video wall</source><translation>videowall — ściana wideo</translation></message>
</context>
<context>
    <name>WallHelp</name>
    <message><source>Keyboard shortcuts</source><translation>Skróty klawiszowe</translation></message>
    <message><source>select a tile</source><translation>wybór kafelka</translation></message>
    <message><source>maximise or restore the tile</source><translation>powiększenie kafelka lub powrót</translation></message>
    <message><source>restore, cancel the number, reset zoom</source><translation>powrót, anulowanie numeru, reset powiększenia</translation></message>
    <message><source>put camera number N in the selected tile</source><translation>kamera o numerze N w wybranym kafelku</translation></message>
    <message><source>digital zoom; drag to move the zoomed picture</source><translation>zoom cyfrowy; przeciągnij, by przesunąć obraz</translation></message>
    <message><source>snapshot of the tile to PNG</source><translation>zrzut kafelka do PNG</translation></message>
    <message><source>show or hide stream details</source><translation>pokaż lub ukryj szczegóły strumienia</translation></message>
    <message><source>recall a saved view</source><translation>przywołanie zapisanego widoku</translation></message>
    <message><source>show or hide this help</source><translation>pokaż lub ukryj tę pomoc</translation></message>
    <message><source>No camera %1</source><translation>Brak kamery %1</translation></message>
    <message><source>Camera</source><translation>Kamera</translation></message>
    <message><source>bookmark this moment on the selected tile</source><translation>dodaj zakładkę w tej chwili na wybranym kafelku</translation></message>
</context>
<context>
    <name>CameraPanel</name>
    <message><source>Search: number, name, place, district</source><translation>Szukaj: numer, nazwa, miejsce, dzielnica</translation></message>
    <message><source>%1 of %2 cameras</source><translation>%1 z %2 kamer</translation></message>
</context>
<context>
    <name>ViewsPanel</name>
    <message><source>View name</source><translation>Nazwa widoku</translation></message>
    <message><source>no key</source><translation>bez klawisza</translation></message>
    <message><source>Save wall as view</source><translation>Zapisz ścianę jako widok</translation></message>
    <message><source>Delete</source><translation>Usuń</translation></message>
</context>
<context>
    <name>LayoutEditor</name>
    <message><source>Merge</source><translation>Scal</translation></message>
    <message><source>Split</source><translation>Podziel</translation></message>
    <message><source>Apply</source><translation>Zastosuj</translation></message>
    <message><source>Choose one tile to split.</source><translation>Wybierz jeden kafelek do podziału.</translation></message>
</context>
<context>
    <name>MainWindow</name>
    <message><source>Playback</source><translation>Odtwarzanie</translation></message>
    <message><source>videowall</source><translation>videowall</translation></message>
    <message><source>Cameras</source><translation>Kamery</translation></message>
    <message><source>Views</source><translation>Widoki</translation></message>
    <message><source>Layout</source><translation>Układ</translation></message>
    <message><source>&amp;View</source><translation>&amp;Widok</translation></message>
    <message><source>Bookmarks</source><translation>Zakładki</translation></message>
    <message><source>&amp;Incidents</source><translation>&amp;Zdarzenia</translation></message>
    <message><source>Bookmark the selected tile</source><translation>Dodaj zakładkę na wybranym kafelku</translation></message>
    <message><source>Export evidence…</source><translation>Eksport dowodu…</translation></message>
    <message><source>Shift activity record…</source><translation>Informacja z czynności zmiany…</translation></message>
    <message><source>Access log…</source><translation>Rejestr dostępu…</translation></message>
    <message><source>Select a tile showing a camera to bookmark it.</source><translation>Wybierz kafelek z kamerą, aby dodać zakładkę.</translation></message>
    <message><source>Bookmark saved: %1, %2, %3</source><translation>Zapisano zakładkę: %1, %2, %3</translation></message>
</context>
</TS>
