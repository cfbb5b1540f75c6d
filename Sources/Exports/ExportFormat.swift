// Exports: pure functions of the cascade → text, one file per format.
