"""Page 5, 赔偿结果: which terms and why, the two figures side by side (the actual loss and the
courier-terms figure) with one sentence each and the choice of the one to claim, then how the
figure was reached: warnings and advice in plain words, the clauses quoted."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
)

from seller_app.domain.case import ClaimBasis
from seller_app.domain.errors import CaseError
from seller_app.domain.present import policy_reason, render_note
from seller_app.domain.rules import Assessment, assess

from ..i18n import format_money
from .page import CasePage
from .widgets import select_data


class CompensationPage(CasePage):
    OWNS = ("policy", "claim_basis")
    LIVE = False  # it assesses again on every change itself

    def __init__(self, draft, env) -> None:  # type: ignore[no-untyped-def]
        super().__init__(draft, env)
        self.setTitle(self.tr("赔偿结果"))
        self.setSubTitle(
            self.tr("默认按快递公司自己的条款计算；未保价时可按实际损失索赔。两种金额和依据如下。")
        )
        self.assessment: Assessment | None = None
        self.auto_policy = "standard"
        self.chosen_basis: str | None = None

        self.policy = QComboBox()
        self.policy.setObjectName("policy")
        for policy in env.catalog.policies.values():
            self.policy.addItem(policy.name(env.lang), policy.id)
        self.policy.currentIndexChanged.connect(self._reassess)
        self.policy_reason = QLabel()
        self.policy_reason.setObjectName("policyReason")
        self.policy_reason.setWordWrap(True)

        self.basis = QButtonGroup(self)
        self.actual_choice = QRadioButton()
        self.actual_choice.setObjectName("basis:actual_loss")
        self.terms_choice = QRadioButton()
        self.terms_choice.setObjectName("basis:courier_terms")
        self.actual_note = QLabel()
        self.actual_note.setObjectName("actualNote")
        self.terms_note = QLabel()
        self.terms_note.setObjectName("termsNote")
        figures = QHBoxLayout()
        for title, button, note, value in (
            (self.tr("按实际损失"), self.actual_choice, self.actual_note, ClaimBasis.ACTUAL_LOSS),
            (
                self.tr("按快递公司条款"),
                self.terms_choice,
                self.terms_note,
                ClaimBasis.COURIER_TERMS,
            ),
        ):
            button.setProperty("value", value.value)
            self.basis.addButton(button)
            note.setWordWrap(True)
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(button)
            inner.addWidget(note)
            inner.addStretch(1)
            figures.addWidget(box, 1)
        self.basis.buttonClicked.connect(self._basis_chosen)
        self.claim_line = QLabel()
        self.claim_line.setObjectName("claimLine")
        self.claim_line.setWordWrap(True)

        self.report = QTextBrowser()
        self.report.setObjectName("report")
        self.report.setOpenExternalLinks(False)

        form = QFormLayout()
        self.add_field(form, self.tr("赔偿规则"), self.policy, "policy")
        form.addRow("", self.policy_reason)
        self.report.setMinimumHeight(160)
        layout = QVBoxLayout(self.body)
        layout.addLayout(form)
        layout.addWidget(self.field_row(self.claim_line, "claim_basis"))
        layout.addLayout(figures)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.page_error)

    def _automatic_policy(self) -> str:
        """The terms the case gets without a policy of its own (the courier's)."""
        data = {key: value for key, value in self.draft.data.items() if key != "policy"}
        try:
            from seller_app.domain.case import case_from_json

            auto = assess(case_from_json(data, self.env.clock()), self.env.catalog)
        except CaseError:
            return "standard"
        return auto.policy.id

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.auto_policy = self._automatic_policy()
        self.chosen_basis = self.draft.data.get("claim_basis")
        self.policy.blockSignals(True)
        select_data(self.policy, self.draft.data.get("policy") or self.auto_policy)
        self.policy.blockSignals(False)
        self._reassess()

    def _basis_chosen(self, button: QRadioButton) -> None:
        self.chosen_basis = str(button.property("value"))
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
        self._show_figures(self.assessment)
        self.report.setHtml(self.render(self.assessment))

    def collect(self) -> None:
        chosen = self.policy.currentData()
        self.draft.put("policy", None if chosen == self.auto_policy else chosen)
        self.draft.put("claim_basis", self.chosen_basis)

    def after_valid(self) -> bool:
        if self.assessment is None:
            return False
        self.draft.amount_claimed = str(self.assessment.claim_amount)
        return True

    # ------------------------------------------------------------------ the two figures

    def _show_figures(self, a: Assessment) -> None:
        texts, lang = self.env.catalog.texts, self.env.lang
        money = lambda value: format_money(value, lang)  # noqa: E731
        self.policy_reason.setText(policy_reason(a, texts, lang))
        terms_name = a.policy.short_name(lang)
        self.terms_choice.setText(self.tr("索赔 %1").replace("%1", money(a.amount)))
        self.terms_note.setText(
            self.tr("按%1算出的金额，快递公司通常先按这个数赔。").replace("%1", terms_name)
        )
        has_actual = a.eligible and a.actual_loss_claim is not None
        self.actual_choice.setEnabled(has_actual)
        if has_actual:
            self.actual_choice.setText(self.tr("索赔 %1").replace("%1", money(a.actual_loss_claim)))
            self.actual_note.setText(
                self.tr(
                    "未保价快件按民事法律赔偿实际损失（货物损失加运费）；"
                    "快递公司的赔偿上限是格式条款。"
                )
            )
        else:
            self.actual_choice.setText(self.tr("不适用"))
            self.actual_note.setText(
                self.tr("已保价的按保价规则赔偿；只退运费或不予赔偿时没有实际损失金额。")
            )
        claim = a.claim
        assert claim is not None
        self.basis.blockSignals(True)
        button = self.actual_choice if claim.basis is ClaimBasis.ACTUAL_LOSS else self.terms_choice
        button.setChecked(True)
        self.basis.blockSignals(False)
        self.claim_line.setText(render_note(texts, "claim", claim.reason, lang)["text"])

    # ------------------------------------------------------------------ the report

    def render(self, a: Assessment) -> str:
        texts, lang = self.env.catalog.texts, self.env.lang

        def notes(section: str, items: tuple) -> list[str]:  # type: ignore[type-arg]
            return [escape(render_note(texts, section, n, lang)["text"]) for n in items]

        def listing(title: str, items: list[str], color: str = "#222") -> str:
            if not items:
                return ""
            rows = "".join(f"<li>{item}</li>" for item in items)
            return f"<h3 style='color:{color}'>{escape(title)}</h3><ul>{rows}</ul>"

        money = lambda value: format_money(value, lang)  # noqa: E731
        claim = a.claim
        assert claim is not None
        if a.eligible:
            title = self.tr("可以索赔")
            head = f"<h2 style='color:#1b5e20'>{escape(title)} {money(claim.amount)}</h2>"
        else:
            title = self.tr("按条款不能获得赔偿")
            head = f"<h2 style='color:#b3261e'>{escape(title)}</h2>"
        treatment = texts.get("treatment", a.treatment, lang)
        rows = [
            (self.tr("处理方式"), escape(treatment)),
            (self.tr("索赔金额"), f"<b>{money(claim.amount)}</b>"),
            (self.tr("按快递公司条款"), money(a.amount)),
            (self.tr("其中：退还运费"), money(a.fee_refund)),
            (self.tr("其中：货物赔偿"), money(a.value_compensation)),
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
        cited = list(a.basis) + [c for c in claim.clauses if c not in a.basis]
        for clause_id in cited:
            clause = texts.clauses.get(clause_id)
            if clause is None:
                clauses.append(escape(clause_id))
                continue
            note = f"<br><small style='color:#b26a00'>{escape(clause.note)}</small>"
            clauses.append(
                f"<b>{escape(clause.title(lang))}</b>（{escape(clause.label(lang))}）<br>"
                f"<span style='color:#444'>“{escape(clause.text(lang))}”</span><br>"
                f"<small style='color:#777'>{escape(clause.source)}</small>"
                + (note if clause.note else "")
            )
        parts.append(listing(self.tr("依据条款"), clauses))
        policy = a.policy
        policy_word = self.tr("赔偿规则")
        verified = (
            self.tr("已核实") if policy.verified else self.tr("未核实，请以快递公司现行条款为准")
        )
        read = policy.read_at.isoformat() if policy.read_at else ""
        parts.append(
            f"<p style='color:#777'><small>{escape(policy_word)}："
            f"{escape(policy.name(lang))} · {escape(policy.source)} · "
            f"{escape(policy.url or '')} · {escape(read)} · {escape(verified)}</small></p>"
        )
        return "".join(parts)
