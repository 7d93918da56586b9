"""The activity record ("informacja", Rozporządzenie RM of 16 Dec 2009): who observed what, where, when
and with what result — built from bookmarks and printed as a PDF."""
