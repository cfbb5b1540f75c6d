// Line editing.
