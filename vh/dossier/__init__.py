"""The dossier: its page, list and the frame every dossier screen shares."""
