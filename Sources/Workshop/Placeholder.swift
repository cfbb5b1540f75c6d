// Workshop engine.
