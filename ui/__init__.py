"""The window: widgets, Qt item models and dialogs. Calls clientdesk services; never peewee."""
