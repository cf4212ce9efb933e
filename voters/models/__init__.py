"""Voters: contact meetings (tiếp xúc cử tri), voter petitions from intake to answer (kiến nghị
cử tri), citizens' letters (đơn thư) and citizen reception (tiếp công dân), one module each."""

from voters.models.letters import (
    AnonymisationRun,
    Case,
    CaseDocument,
    CaseFollowUp,
    DeadlineRule,
    IdentityAccess,
    Letter,
    RetentionRule,
)
from voters.models.petitions import (
    ForwardingBatch,
    PetitionField,
    PetitionStatusChange,
    VoterMeeting,
    VoterPetition,
    minutes_upload_to,
)
from voters.models.receptions import CitizenReception, ReceptionSchedule, ReceptionVisit

__all__ = [
    "AnonymisationRun",
    "Case",
    "CaseDocument",
    "CaseFollowUp",
    "CitizenReception",
    "DeadlineRule",
    "ForwardingBatch",
    "IdentityAccess",
    "Letter",
    "PetitionField",
    "PetitionStatusChange",
    "ReceptionSchedule",
    "ReceptionVisit",
    "RetentionRule",
    "VoterMeeting",
    "VoterPetition",
    "minutes_upload_to",
]
