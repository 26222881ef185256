"""Page 5, 赔偿结果: eligible or not, the amount and how it was reached, the civil-law figure,
warnings and advice in plain words, the clauses quoted; and the choice of policy profile."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QFormLayout, QTextBrowser, QVBoxLayout

from seller_app.domain.errors import CaseError
from seller_app.domain.rules import Assessment, assess

from ..i18n import format_money
from .page import CasePage
from .widgets import select_data


class CompensationPage(CasePage):
    OWNS = ("policy",)

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("赔偿结果"))
        self.setSubTitle(self.tr("按国家快递服务标准附录 A 和快递公司条款算出的结果，以及依据。"))
        self.assessment: Assessment | None = None

        self.policy = QComboBox()
        self.policy.setObjectName("policy")
        for policy in env.catalog.policies.values():
            self.policy.addItem(policy.name(env.lang), policy.id)
        self.policy.currentIndexChanged.connect(self._reassess)
        self.report = QTextBrowser()
        self.report.setObjectName("report")
        self.report.setOpenExternalLinks(False)

        form = QFormLayout()
        self.add_field(form, self.tr("赔偿规则"), self.policy, "policy")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.page_error)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.policy.blockSignals(True)
        select_data(self.policy, self.draft.data.get("policy", "standard"))
        self.policy.blockSignals(False)
        self._reassess()

    def _reassess(self, *_: object) -> None:
        self.clear_errors()
        self.collect()
        try:
            case = self.draft.case(self.env.clock())
            self.assessment = assess(case, self.env.catalog, now=self.env.clock())
        except CaseError as error:
            self.assessment = None
            self.show_error(error)
            self.report.setHtml("")
            return
        self.report.setHtml(self.render(self.assessment))

    def collect(self) -> None:
        self.draft.put("policy", self.policy.currentData())

    def after_valid(self) -> bool:
        if self.assessment is None:
            return False
        self.draft.amount_claimed = str(self.assessment.amount)
        return True

    # ------------------------------------------------------------------ the report

    def render(self, a: Assessment) -> str:
        texts, lang = self.env.catalog.texts, self.env.lang

        def notes(section: str, items: tuple) -> list[str]:  # type: ignore[type-arg]
            from seller_app.domain.present import render_note

            return [escape(render_note(texts, section, n, lang)["text"]) for n in items]

        def listing(title: str, items: list[str], color: str = "#222") -> str:
            if not items:
                return ""
            rows = "".join(f"<li>{item}</li>" for item in items)
            return f"<h3 style='color:{color}'>{escape(title)}</h3><ul>{rows}</ul>"

        money = lambda value: format_money(value, lang)  # noqa: E731
        if a.eligible:
            title = self.tr("可以索赔")
            head = f"<h2 style='color:#1b5e20'>{escape(title)} {money(a.amount)}</h2>"
        else:
            title = self.tr("按条款不能获得赔偿")
            head = f"<h2 style='color:#b3261e'>{escape(title)}</h2>"
        treatment = texts.get("treatment", a.treatment, lang)
        rows = [
            (self.tr("处理方式"), escape(treatment)),
            (self.tr("退还运费"), money(a.fee_refund)),
            (self.tr("货物赔偿"), money(a.value_compensation)),
            (self.tr("合计"), f"<b>{money(a.amount)}</b>"),
        ]
        if a.actual_loss_claim is not None:
            rows.append((self.tr("按民法典可主张的实际损失"), money(a.actual_loss_claim)))
        table = "".join(
            f"<tr><td style='padding:2px 16px 2px 0;color:#555'>{escape(label)}</td>"
            f"<td>{value}</td></tr>"
            for label, value in rows
        )
        parts = [head, f"<table>{table}</table>"]
        parts.append(listing(self.tr("原因"), notes("reasons", a.reasons)))
        parts.append(listing(self.tr("需要注意"), notes("warnings", a.warnings), "#b26a00"))
        parts.append(listing(self.tr("建议"), notes("advice", a.advice), "#0d47a1"))
        parts.append(listing(self.tr("计算过程"), notes("steps", a.steps)))
        clauses = []
        for clause_id in a.basis:
            clause = texts.clauses.get(clause_id)
            if clause is None:
                clauses.append(escape(clause_id))
                continue
            clauses.append(
                f"<b>{escape(clause.title(lang))}</b>（{escape(clause_id)}）<br>"
                f"<span style='color:#444'>“{escape(clause.text(lang))}”</span><br>"
                f"<small style='color:#777'>{escape(clause.source)}</small>"
            )
        parts.append(listing(self.tr("依据条款"), clauses))
        policy = a.policy
        policy_word = self.tr("赔偿规则")
        verified = (
            self.tr("已核实") if policy.verified else self.tr("未核实，请以快递公司现行条款为准")
        )
        parts.append(
            f"<p style='color:#777'><small>{escape(policy_word)}："
            f"{escape(policy.name(lang))} · {escape(policy.source)} · "
            f"{escape(policy.as_of.isoformat())} · {escape(verified)}</small></p>"
        )
        return "".join(parts)
