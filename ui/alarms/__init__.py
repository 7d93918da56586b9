"""Events and alarms in the GUI: the alarm list and event search dock, the pop-up, "bookmark this"."""
