# tests for src/store fetch
