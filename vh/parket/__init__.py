"""Parketcheck: may the dossier be opened for information sharing?"""
