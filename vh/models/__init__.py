"""Every Peewee model of vh, one module per area, each model with the queries that belong to it.

    basis       BaseModel, Gemeente, Team, TeamArrondissement, Organisatie, User, UserTeam, Nummering,
                RolAanvraag, WachtwoordLink
    dossier     Dossier, Overgang, Parketcheck
    aanmelding  Aanmelding, Persoon, PvNummer, PolitieImport
    triage      Overleg, OverlegDeelnemer, Agendapunt, Bijdrage, Besluit, Brief
    regie       Levensdomein, RegieStap, RegieVinkje, Logboek, Risicoanalyse, RisicoDomein, Plan,
                Doel, Zorgoverleg, ZorgoverlegDeelnemer, Actie, ActiePersoon, ActieNotitie,
                Veiligheidsplan, VeiligheidsplanPersoon, Spoorvoorstel, Afsluiting
    audit       AuditEvent
    melding     Melding, MeldingDag (the outbox of notifications by e-mail)

The modules import each other in that order only (a Persoon belongs to a referral and to a
dossier, so it sits after both). Import from `vh.models`, not from the modules.

Domain nouns are Dutch (domain.md §7); fixed choices and their labels are in vh/keuzes.py.
Times are stored as naive UTC (`utcnow()`) and shown in Brussels time by the `datum` filters.
Every state change is stamped with who and when: the `Overgang` table holds one row per dossier
transition, so lead times can be reported.
"""
from vh.keuzes import (
    CLIENT_ROLLEN,
    GESLACHTEN,
    GEWELDSVORMEN,
    IFG_VORMEN,
    KIND_ROLLEN,
    ORGANISATIE_TYPES,
    ROLLEN,
    SLACHTOFFER_ROLLEN,
)

from .aanmelding import Aanmelding, Persoon, PolitieImport, PvNummer
from .audit import AuditEvent
from .basis import (
    BaseModel,
    Gemeente,
    Nummering,
    Organisatie,
    RolAanvraag,
    Team,
    TeamArrondissement,
    User,
    UserTeam,
    WachtwoordLink,
    join_list,
    normaliseer_naam,
    split_list,
    utcnow,
)
from .dossier import Dossier, Overgang, Parketcheck
from .melding import Melding, MeldingDag
from .regie import (
    Actie,
    ActieNotitie,
    ActiePersoon,
    Afsluiting,
    Doel,
    Levensdomein,
    Logboek,
    Plan,
    RegieStap,
    RegieVinkje,
    RisicoDomein,
    Risicoanalyse,
    Spoorvoorstel,
    Veiligheidsplan,
    VeiligheidsplanPersoon,
    Zorgoverleg,
    ZorgoverlegDeelnemer,
)
from .triage import Agendapunt, Besluit, Bijdrage, Brief, Overleg, OverlegDeelnemer

# In dependency order: creating the tables in this order satisfies every foreign key.
MODELS = [
    Gemeente, Team, TeamArrondissement, Organisatie, User, UserTeam, Nummering, Dossier,
    Aanmelding, Persoon, Overgang, Parketcheck, Overleg, OverlegDeelnemer, Agendapunt, Bijdrage,
    Besluit, Brief, PvNummer, PolitieImport, AuditEvent, RolAanvraag, WachtwoordLink,
    Levensdomein, RegieStap, RegieVinkje, Logboek, Risicoanalyse, RisicoDomein, Plan, Doel,
    Zorgoverleg, ZorgoverlegDeelnemer, Actie, ActiePersoon, ActieNotitie, Veiligheidsplan,
    VeiligheidsplanPersoon, Spoorvoorstel, Afsluiting,
    Melding, MeldingDag,
]

__all__ = [m.__name__ for m in MODELS] + [
    "BaseModel", "MODELS", "utcnow", "split_list", "join_list", "normaliseer_naam",
    "CLIENT_ROLLEN", "GESLACHTEN", "GEWELDSVORMEN", "IFG_VORMEN", "KIND_ROLLEN",
    "ORGANISATIE_TYPES", "ROLLEN", "SLACHTOFFER_ROLLEN",
]
