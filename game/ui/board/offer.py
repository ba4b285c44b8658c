"""The price and terms picker: our bid price, or the discount and first payment we offer.

Every number is worked out from our own view (our list and floor price, our bid, the budget
once we know it, the customer's counter-offer once it made one), so the player sees what a
choice means in money before committing it. The picker hands the chosen action back to the
board, which plans it like any other.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIButton

from game.core.actions import BID_DISCOUNT, BID_OPTIONS, CATALOG, Action
from game.core.resolve import CLEAR_LEAD, competition_left
from game.ui import fmt, theme
from game.ui.scene import Command, Pop, Scene
from game.ui.session import Session
from game.ui.widgets import BUTTON_H, button, draw_card, draw_text, esc, is_pressed, label, text_box

DISCOUNTS = (0, 5, 10, 15, 20)
PAYMENTS = (10, 20, 30, 40)


def bid_price(me: dict[str, Any], option: str) -> float:
    """What a bid option means in money (the engine's rule: never under the floor)."""
    if option == "floor":
        return me["floor_price"]
    return max(me["floor_price"], me["list_price"] * (1 - BID_DISCOUNT[option]))


def contract_value(me: dict[str, Any], discount: int) -> float:
    base = me["bid"]["price"] if me.get("bid") else me["list_price"]
    return max(me["floor_price"], base * (1 - discount / 100))


def margin(me: dict[str, Any], value: float) -> float:
    return (value - me["delivery_cost"]) / value if value else 0.0


def leverage(view: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The customer's alternative to us, as the public tender shows it (the rule the buyers
    follow, `resolve.competition_left`): a translation key and its values, or None before
    the bids are scored."""
    t = view.get("tender") or {}
    me = view["vendor"]
    totals = t.get("totals") or {}
    others = [k for k in t.get("ranking") or [] if k != me and k in totals]
    if me not in totals:
        return None
    if not others:
        return "ui.offer.leverage_none", {}
    close, cheaper = competition_left(me, t["ranking"], totals,
                                      {k: b["price"] for k, b in t["bids"].items()})
    best = max(others, key=lambda k: (totals[k], k))
    lead = round((totals[me] - totals[best]) * 100)
    if close <= 0.0:
        return "ui.offer.leverage_clear", {"lead": lead, "clear": round(CLEAR_LEAD * 100)}
    key = "ui.offer.leverage_cheaper" if cheaper > 0 else "ui.offer.leverage_close"
    return key, {"lead": lead, "clear": round(CLEAR_LEAD * 100),
                 "cheaper": round(cheaper * 100)}


def counter_terms(me: dict[str, Any]) -> tuple[int, int] | None:
    """The customer's last counter-offer on our grid (discount %, first payment %), if any."""
    counter = (me.get("bid") or {}).get("counter")
    if not counter:
        return None
    d = min(DISCOUNTS, key=lambda x: abs(x - counter["discount"] * 100))
    p = min(PAYMENTS, key=lambda x: abs(x - counter["first_payment"] * 100))
    return d, p


class OfferScene(Scene):
    title_key = "ui.offer.title"
    overlay = True

    def __init__(self, ctx, session: Session, action: Action) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.session = session
        self.kind = action.kind
        self.bid = CATALOG[action.kind].special == "bid"
        me = session.view["me"]
        if self.bid:
            budget = session.view["customer"]["budget"]
            fits = [o for o in BID_OPTIONS if (budget is None or bid_price(me, o) <= budget)
                    and (o == "floor" or bid_price(me, o) > me["floor_price"] + 1e-9)]
            self.option = fits[0] if fits else "floor"
        else:
            self.discount, self.payment = counter_terms(me) or (0, 30)
            if self.discount / 100 > me["max_discount"] + 1e-9:
                self.discount = 0
            allowed = self.payments_allowed()
            if self.payment not in allowed:
                self.payment = max(allowed)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.choices: dict[Any, UIButton] = {}
        self.w: dict[str, UIButton] = {}

    def payments_allowed(self) -> list[int]:
        """First-payment shares the customer can pay (all of them until we know its cap)."""
        cap = self.session.view["customer"]["first_payment_max"]
        ok = [p for p in PAYMENTS if cap is None or p / 100 <= cap + 1e-9]
        return ok or [min(PAYMENTS)]

    def why_not(self) -> str | None:
        s = self.session
        action = self.action()
        return s.week.check(s.acting_role(action), action)

    def action(self) -> Action:
        option = self.option if self.bid else f"d{self.discount}_p{self.payment}"
        return Action(self.kind, None, option)

    # --- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        ctx, tr = self.ctx, self.ctx.tr
        w, h = ctx.size
        cw, ch = min(760, w - 80), min(h - 60, 560)
        self.card = pygame.Rect((w - cw) // 2, (h - ch) // 2, cw, ch)
        x, inner = self.card.left + 28, cw - 56
        heading = tr("ui.offer.bid_heading" if self.bid else "ui.offer.terms_heading")
        label(ctx, (x, self.card.top + 18, inner, 36), heading, "#heading")
        self.choices = {}
        y = self.card.top + 64
        if self.bid:
            y = self._bid_choices(x, y, inner)
        else:
            y = self._terms_choices(x, y, inner)
        summary_h = self.card.bottom - 90 - y
        why = self.why_not()
        html = self.summary_html()
        if why is not None:  # in the text, which wraps, never in a label that could be cut
            html += f"<br><font color='{theme.DANGER}'><b>× {esc(tr(why))}</b></font>"
        text_box(ctx, (x - 4, y, inner + 8, summary_h), html, "#plain_text")
        by = self.card.bottom - 24 - BUTTON_H - 4
        self.w["cancel"] = button(ctx, (self.card.right - 28 - 250 - 12 - 150, by, 150,
                                        BUTTON_H + 4), tr("ui.offer.cancel"),
                                  tr("ui.offer.cancel_tip"))
        go = "ui.offer.submit" if self.bid else "ui.offer.propose"
        self.w["go"] = button(ctx, (self.card.right - 28 - 250, by, 250, BUTTON_H + 4), tr(go),
                              tr(go + "_tip") + (f"<br>× {esc(tr(why))}" if why else ""),
                              "#primary")
        if why is not None:
            self.w["go"].disable()

    def _bid_choices(self, x: int, y: int, inner: int) -> int:
        ctx, tr = self.ctx, self.ctx.tr
        me = self.session.view["me"]
        cols = 3
        bw = (inner - 12 * (cols - 1)) // cols
        for i, opt in enumerate(BID_OPTIONS):
            r, c = divmod(i, cols)
            price = fmt.money(bid_price(me, opt), tr.language)
            text = f"{tr('ui.board.bid.' + opt)} · {price}"
            # a discount the floor price stops is the floor: one choice, not two that look alike
            same = opt != "floor" and bid_price(me, opt) <= me["floor_price"] + 1e-9
            tip = tr("ui.offer.same_as_floor") if same else tr("ui.offer.bid_tip", price=price)
            btn = button(ctx, (x + c * (bw + 12), y + r * 54, bw, BUTTON_H + 2), text, tip,
                         "#toggle_on" if opt == self.option else None)
            if same:
                btn.disable()
            self.choices[opt] = btn
        return y + 2 * 54 + 8

    def _terms_choices(self, x: int, y: int, inner: int) -> int:
        ctx, tr = self.ctx, self.ctx.tr
        me = self.session.view["me"]
        label(ctx, (x, y, inner, 24), tr("ui.offer.discount"), "#section")
        bw = (inner - 8 * 4) // 5
        for i, d in enumerate(DISCOUNTS):
            allowed = d / 100 <= me["max_discount"] + 1e-9
            tip = tr("ui.offer.discount_tip", pct=d) if allowed else tr("ui.offer.needs_approval")
            btn = button(ctx, (x + i * (bw + 8), y + 26, bw, BUTTON_H), f"{d}%", tip,
                         "#toggle_on" if d == self.discount else None)
            if not allowed:
                btn.disable()
            self.choices[("d", d)] = btn
        y += 26 + BUTTON_H + 14
        label(ctx, (x, y, inner, 24), tr("ui.offer.payment"), "#section")
        bw = (inner - 8 * 3) // 4
        allowed = self.payments_allowed()
        cap = self.session.view["customer"]["first_payment_max"]
        for i, p in enumerate(PAYMENTS):
            ok = p in allowed
            tip = (tr("ui.offer.payment_tip", pct=p) if ok
                   else tr("ui.offer.cap", pct=round((cap or 0) * 100)))
            btn = button(ctx, (x + i * (bw + 8), y + 26, bw, BUTTON_H), f"{p}%", tip,
                         "#toggle_on" if p == self.payment else None)
            if not ok:  # never offered beside "the customer can pay at most ..."
                btn.disable()
            self.choices[("p", p)] = btn
        y += 26 + BUTTON_H + 12
        if counter_terms(me) is not None:
            self.w["counter"] = button(ctx, (x, y, 260, 36), tr("ui.offer.use_counter"),
                                       tr("ui.offer.use_counter_tip"))
            y += 36 + 10
        return y + 4

    def summary_html(self) -> str:
        """What the chosen price or terms mean: money, margin, budget, risk, counter-offer."""
        tr, v = self.ctx.tr, self.session.view
        me, lang = v["me"], tr.language
        budget = v["customer"]["budget"]
        lines = []
        if self.bid:
            price = bid_price(me, self.option)
            lines.append(f"<b>{esc(tr('ui.offer.price', money=fmt.money(price, lang)))}</b>")
            lines.append(esc(tr("ui.offer.margin", pct=round(margin(me, price) * 100))))
            if budget is None:
                lines.append(esc(tr("ui.offer.budget_unknown")))
            elif price > budget:
                lines.append(f"<font color='{theme.DANGER}'>× "
                             f"{esc(tr('ui.offer.over_budget', money=fmt.money(budget, lang)))}"
                             "</font>")
            else:
                lines.append(esc(tr("ui.offer.within_budget", money=fmt.money(budget, lang))))
            return "<br>".join(lines)
        value = contract_value(me, self.discount)
        first = value * self.payment / 100
        if self.discount / 100 > me["max_discount"] + 1e-9:
            lines.append(f"<font color='{theme.DANGER}'>× {esc(tr('ui.offer.needs_approval'))}"
                         "</font>")
        lines.append(f"<b>{esc(tr('ui.offer.value', money=fmt.money(value, lang)))}</b>")
        lines.append(esc(tr("ui.offer.first", pct=self.payment, money=fmt.money(first, lang))
                         + " · " + tr("ui.offer.margin", pct=round(margin(me, value) * 100))))
        lev = leverage(v)
        if lev is not None:
            lines.append(esc(tr(lev[0], **lev[1])))
        counter = counter_terms(me)
        if counter is not None:
            lines.append(f"<font color='{theme.ACCENT}'>◆ "
                         f"{esc(tr('ui.offer.counter', discount=counter[0], payment=counter[1]))}"
                         "</font>")
        cap = v["customer"]["first_payment_max"]
        if cap is not None:
            lines.append(esc(tr("ui.offer.cap", pct=round(cap * 100))))
        if self.payment < 30:
            lines.append(f"<font color='{theme.DANGER}'>▼ {esc(tr('ui.offer.shelve_risk'))}"
                         "</font>")
        return "<br>".join(lines)

    # --- input ------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Command | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        if is_pressed(event, self.w.get("cancel")):
            return Pop()
        enter = event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN,
                                                                pygame.K_KP_ENTER)
        go = self.w.get("go")
        if (is_pressed(event, go) or enter) and go is not None and go.is_enabled:
            self.ctx.play_sound("confirm")
            return Pop(result=self.action())
        if event.type == pygame.KEYDOWN and self._key(event.key):
            return self._changed()
        if is_pressed(event, self.w.get("counter")) or (
                event.type == pygame.KEYDOWN and event.key == pygame.K_c
                and self.w.get("counter") is not None):
            counter = counter_terms(self.session.view["me"])
            if counter is not None:
                self.discount, self.payment = counter
            return self._changed()
        for key, btn in self.choices.items():
            if is_pressed(event, btn):
                if self.bid:
                    self.option = key
                elif key[0] == "d":
                    self.discount = key[1]
                else:
                    self.payment = key[1]
                return self._changed()
        return None

    def _key(self, key: int) -> bool:
        """Keyboard choice: a bid's price with the arrows (along its grid of three), the
        terms' discount with ← → and first payment with ↑ ↓; only choices that are open."""
        if key not in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            return False
        forward = key in (pygame.K_RIGHT, pygame.K_DOWN)
        if self.bid:
            keys: list[Any] = list(BID_OPTIONS)
            step = 1 if key in (pygame.K_LEFT, pygame.K_RIGHT) else 3
            now = keys.index(self.option)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            keys, step, now = [("d", d) for d in DISCOUNTS], 1, DISCOUNTS.index(self.discount)
        else:  # up is more paid up front
            keys, step = [("p", p) for p in PAYMENTS], 1
            now = PAYMENTS.index(self.payment)
            forward = key == pygame.K_UP
        i = now + (step if forward else -step)
        while 0 <= i < len(keys):
            btn = self.choices.get(keys[i])
            if btn is not None and btn.is_enabled:
                if self.bid:
                    self.option = keys[i]
                elif keys[i][0] == "d":
                    self.discount = keys[i][1]
                else:
                    self.payment = keys[i][1]
                return True
            i += step if forward else -step
        return False

    def _changed(self) -> None:
        self.ctx.play_sound("click")
        self.ctx.request_rebuild()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        draw_card(surface, self.card)
        if not self.bid:
            me = self.session.view["me"]
            base = me["bid"]["price"] if me.get("bid") else me["list_price"]
            text = self.ctx.tr("ui.offer.base", money=fmt.money(base, self.ctx.tr.language))
            draw_text(surface, text, (self.card.right - 28, self.card.top + 30), theme.LABEL,
                      theme.INK_MUTED, anchor="topright", max_width=self.card.width // 2 - 40)
