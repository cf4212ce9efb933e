"""Voters: contact meetings (tiếp xúc cử tri), voter petitions from intake to answer (kiến nghị
cử tri), citizens' letters (đơn thư) and citizen reception (tiếp công dân), one module each."""

from voters.models.letters import Letter
from voters.models.petitions import (
    ForwardingBatch,
    PetitionField,
    PetitionStatusChange,
    VoterMeeting,
    VoterPetition,
    minutes_upload_to,
)
from voters.models.receptions import CitizenReception

__all__ = [
    "CitizenReception",
    "ForwardingBatch",
    "Letter",
    "PetitionField",
    "PetitionStatusChange",
    "VoterMeeting",
    "VoterPetition",
    "minutes_upload_to",
]
