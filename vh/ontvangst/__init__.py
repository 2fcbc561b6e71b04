"""Ontvangst: the coordinator receives a referral: admissible, join a dossier or open one."""
