# src/store fetch: HTTP downloads and the sources config (embargo update).
