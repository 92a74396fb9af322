"""Dialogs. Every form that saves (or only asks for choices) is a ``form.FormDialog``: fields
added with ``add_field``, ``prepare()`` returning the problems found in the widgets and one
service call, which the base runs in one transaction and whose problems it shows under their
fields. Viewers (an entry, the history of a record) and the import wizard are plain dialogs.
"""
