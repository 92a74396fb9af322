"""SQLAlchemy tables only: no queries, no rules (those live in ``services`` and ``domain``).

Every module defining tables is imported here so ``Base.metadata`` is complete for Alembic.
"""

from coop_desk.models.audit import AuditRecord
from coop_desk.models.base import Base, Versioned
from coop_desk.models.certification import (
    ApprovalDecision,
    Certificate,
    CertScheme,
    CorrectiveAction,
    Inspection,
    InspectionPlot,
    MemberScheme,
    PlotOrganic,
    Sanction,
)
from coop_desk.models.cooperative import Cooperative, Setting
from coop_desk.models.documents import Document
from coop_desk.models.ledger import (
    Account,
    BudgetLine,
    Buyer,
    Contract,
    FiscalYearEvent,
    JournalEntry,
    PlanApproval,
    Posting,
    PremiumRate,
    Project,
)
from coop_desk.models.members import Member, MemberStatusChange, Plot
from coop_desk.models.trade import Delivery, Lot
from coop_desk.models.users import User

__all__ = [
    "Account",
    "ApprovalDecision",
    "AuditRecord",
    "Base",
    "BudgetLine",
    "Buyer",
    "CertScheme",
    "Certificate",
    "Contract",
    "Cooperative",
    "CorrectiveAction",
    "Delivery",
    "Document",
    "FiscalYearEvent",
    "Inspection",
    "InspectionPlot",
    "JournalEntry",
    "Lot",
    "Member",
    "MemberScheme",
    "MemberStatusChange",
    "PlanApproval",
    "Plot",
    "PlotOrganic",
    "Posting",
    "PremiumRate",
    "Project",
    "Sanction",
    "Setting",
    "User",
    "Versioned",
]
