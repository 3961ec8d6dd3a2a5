import json
from importlib import resources

import pytest

from sellerpolicy import Code, Message, Policy, Severity, check_message
from sellerpolicy._rules.messages.analysis import Analysis
from sellerpolicy._rules.messages.model import GATED, Reading, features, gate, rule_models
from sellerpolicy.exceptions import InvalidPolicyError

CURRENT = Policy.current()
OFF = CURRENT.with_parameters(model_gate="off")
DROP = CURRENT.with_parameters(model_gate="drop")
INFO = CURRENT.with_parameters(model_gate="info")

# A look-alike the phrase rules flag and the model does not confirm: TRAP_CODE at error/warning
# with the gate off, at info in info mode, gone in drop mode.
# (semantic_c-074: the workshop's note is about the order, not its shipping).
TRAP = (
    "Hello Mr Whitfield,\n\nWe wanted to let you know that your order for the oak garden bench "
    "(114-5520193-7738201) reached our workshop this morning. A little about what happens now: "
    "each bench is cut from kiln-dried English oak that we season in our yard for at least a "
    "year, so the timber for yours has already been picked out and marked with your order "
    "number. Our joiner, Pete, will cut the mortise-and-tenon joints by hand over the next few "
    "days, after which the bench gets two coats of a clear, breathable oil. We don't use varnish "
    "because it cracks and traps moisture. Once the oil has cured we wrap the bench in blankets "
    "rather than plastic, so it can breathe on its way to you. We'll be in touch again only if "
    "something unexpected comes up.\n\nBest wishes,\nThe team at Longacre Joinery"
)
TRAP_CODE = Code.SP110
# A violation the model confirms.
VIOLATION = (
    "We'd love a 5-star review! Leave one today and we will send you a $10 Amazon gift card "
    "as a thank you."
)


def _loud(report, code):
    return [f for f in report.findings if f.code is code and f.severity is not Severity.INFO]


class TestWeights:
    def test_weights_load_from_the_installed_package(self):
        """The weights ship in sellerpolicy/data and cover every gated rule."""
        raw = json.loads(
            resources.files("sellerpolicy.data").joinpath("message_model.json").read_text("utf-8")
        )

        assert {Code(c) for c in raw["rules"]} == set(GATED) == set(rule_models())

    def test_thresholds_are_probabilities(self):
        """Each rule's threshold is a probability the gate can compare with."""
        thresholds = {m.threshold for m in rule_models().values()}

        assert all(0.0 < t <= 0.5 for t in thresholds)


class TestFeatures:
    def test_features(self):
        """Words, pairs of words, vocabularies, negated vocabularies and the kind are read."""
        from sellerpolicy import Message

        a = Analysis(Message(body="We can't offer a gift card.", kind="reply"), (), CURRENT)

        feats = features(a)

        assert {"w:gift", "b:gift card", "k:reply"} <= feats
        assert any(f.startswith("v:") for f in feats)
        assert any(f.startswith("n:") for f in feats)

    def test_deterministic(self):
        """The same message gets the same probability every time."""
        from sellerpolicy import Message

        model = rule_models()[Code.SP106]

        probabilities = {
            model.probability(features(Analysis(Message(body=VIOLATION), (), CURRENT)))
            for _ in range(3)
        }

        assert len(probabilities) == 1

    @pytest.mark.parametrize(
        "body",
        [
            VIOLATION,
            TRAP,
            "We can't offer a gift card, but 5 stars would help. Call 555 0100.",
            ".",
        ],
        ids=["violation", "trap", "negated-and-numbers", "no-words"],
    )
    def test_gate_scores_what_features_name(self, body):
        """The gate's reading of a message, words and pairs unnamed, scores as its features do."""
        a = Analysis(Message(body=body, kind="reply"), (), CURRENT)
        feats = features(a)

        for code, model in rule_models().items():
            expected = model.probability(feats)

            assert model.score(Reading.from_analysis(a)) == pytest.approx(
                expected, rel=1e-12, abs=1e-300
            ), code


class TestGate:
    def test_features_named_once(self, monkeypatch):
        """Explaining several findings the model does not confirm names the features once."""
        a = Analysis(Message(body=TRAP), (), CURRENT)
        trapped = [f for f in check_message(TRAP, policy=OFF).findings if f.code is TRAP_CODE]
        named, name = [], Reading.named
        monkeypatch.setattr(Reading, "named", lambda r: named.append(r) or name(r))

        gated = gate(tuple(trapped * 3), a, "info")

        assert [Severity.INFO] * 3 == [f.severity for f in gated]
        assert 1 == len(named)

    def test_violation_is_kept(self):
        """A violation the model confirms stays an error, as the phrase rule wrote it."""
        report = check_message(VIOLATION, policy=CURRENT)

        loud = _loud(report, Code.SP106)

        assert [f.message for f in loud] == [
            f.message for f in _loud(check_message(VIOLATION, policy=OFF), Code.SP106)
        ]
        assert loud[0].span is not None

    def test_violation_is_confirmed_by_the_model(self):
        """The model gives the violation a probability above the threshold."""
        model = rule_models()[Code.SP106]

        feats = features(Analysis(Message(body=VIOLATION), (), CURRENT))

        assert model.probability(feats) >= model.threshold
        assert "strongest features: " in model.explain(feats, model.probability(feats))

    def test_trap_is_downgraded_to_info(self):
        """A look-alike the model does not confirm is kept at info, saying why."""
        report = check_message(TRAP, policy=INFO)

        found = [f for f in report.findings if f.code is TRAP_CODE]

        assert [f.severity for f in found] == [Severity.INFO]
        assert "not confirmed, model: " in found[0].message
        assert "strongest features: " in found[0].message
        assert found[0].span is not None

    def test_trap_is_dropped_in_drop_mode(self):
        """With model_gate="drop" the unconfirmed finding is gone."""
        report = check_message(TRAP, policy=DROP)

        assert TRAP_CODE not in report.codes

    def test_switch_off_restores_the_phrase_rules(self):
        """With model_gate="off" the findings are the phrase rules' own."""
        report = check_message(TRAP, policy=OFF)

        assert len(_loud(report, TRAP_CODE)) == 1
        assert "not confirmed" not in _loud(report, TRAP_CODE)[0].message

    def test_seed_edition_has_no_gate(self):
        """The seed edition reads with the phrase rules alone."""
        seed = Policy.for_edition("seed")

        assert seed.parameters.choice("model_gate") == "off"

    @pytest.mark.parametrize("text", [VIOLATION, TRAP], ids=["violation", "trap"])
    def test_off_and_on_find_the_same_codes(self, text):
        """In info mode the gate changes severities, never which codes are reported."""
        on = check_message(text, policy=INFO)
        off = check_message(text, policy=OFF)

        assert on.codes == off.codes

    def test_unknown_mode_is_refused(self):
        """A mode other than drop, info, off and per_rule is a policy error."""
        with pytest.raises(InvalidPolicyError, match="model_gate"):
            CURRENT.with_parameters(model_gate="maybe")


class TestPerRule:
    """The current edition's gate: each rule's model says what becomes of what it does not
    confirm, learned out of fold (info where those findings were right at least half the time,
    drop where they were mostly wrong)."""

    @staticmethod
    def _with(monkeypatch, code, unconfirmed):
        import attrs

        from sellerpolicy._rules.messages import model

        models = dict(rule_models())
        models[code] = attrs.evolve(models[code], unconfirmed=unconfirmed)
        monkeypatch.setattr(model, "rule_models", lambda: models)

    def test_the_current_edition_gates_per_rule(self):
        assert "per_rule" == CURRENT.parameters.choice("model_gate")

    def test_a_rule_that_drops(self, monkeypatch):
        """Its finding the model does not confirm is gone; the phrase rules alone keep it."""
        self._with(monkeypatch, TRAP_CODE, "drop")

        assert TRAP_CODE not in check_message(TRAP, policy=CURRENT).codes
        assert TRAP_CODE in check_message(TRAP, policy=OFF).codes

    def test_a_rule_that_keeps_at_info(self, monkeypatch):
        """Its finding the model does not confirm is shown at info, saying why."""
        self._with(monkeypatch, TRAP_CODE, "info")

        found = [f for f in check_message(TRAP, policy=CURRENT).findings if f.code is TRAP_CODE]

        assert [Severity.INFO] == [f.severity for f in found]
        assert "not confirmed, model: " in found[0].message

    @pytest.mark.parametrize("unconfirmed", ["info", "drop"])
    def test_a_confirmed_finding_stands_either_way(self, monkeypatch, unconfirmed):
        self._with(monkeypatch, Code.SP106, unconfirmed)

        assert _loud(check_message(VIOLATION, policy=CURRENT), Code.SP106)

    def test_the_shipped_actions_follow_their_counts(self):
        """Each rule's action in the shipped file is the one its out-of-fold counts give."""
        raw = json.loads(
            resources.files("sellerpolicy.data").joinpath("message_model.json").read_text("utf-8")
        )

        for code, rule in raw["rules"].items():
            right, wrong = rule["unconfirmed_out_of_fold"]

            assert rule["unconfirmed"] == ("info" if right >= wrong else "drop"), code
            assert rule_models()[Code(code)].unconfirmed == rule["unconfirmed"]

    def test_an_unknown_action_is_refused(self):
        from sellerpolicy._rules.messages.model import RuleModel

        with pytest.raises(ValueError, match="unconfirmed"):
            RuleModel(bias=0.0, threshold=0.1, weights={}, unconfirmed="maybe")


class TestTraining:
    """The trainer's cross-validation (benchmarks/train_model.py), on a toy corpus."""

    @staticmethod
    def _example(i, group, feats, labels, found=()):
        from benchmarks.train_model import Example

        return Example(
            id=f"{group}-{i}",
            group=group,
            feats=frozenset(feats),
            labels=frozenset(labels),
            found=frozenset(found),
            info=frozenset(),
        )

    def _examples(self):
        ex = self._example
        # file a: the word 'gift' always with SP106; file b: never the word, never the code
        a = [ex(i, "a.jsonl", {"w:gift", "w:review"}, {Code.SP106}) for i in range(6)]
        b = [ex(i, "b.jsonl", {"w:thanks", "w:review"}, set()) for i in range(6)]
        return a + b

    def test_a_shared_design_fits_the_same_model(self):
        """fit_all builds the design once; each rule's model is the one fit alone makes."""
        from benchmarks.train_model import fit, fit_all

        exs = self._examples()

        together = fit_all(exs)[Code.SP106]
        alone = fit(exs, Code.SP106)

        assert together == alone
        assert together.weights["w:gift"] > 0

    def test_folds_never_hold_an_example_of_their_own_file(self):
        """Out of fold, a file's examples are scored by a model that never saw that file."""
        from benchmarks.train_model import fit_all, out_of_fold

        exs = self._examples()

        inside = fit_all(exs)[Code.SP106].probability(exs[0].feats)
        outside = out_of_fold(exs, folds=2)

        assert set(outside) == {e.id for e in exs}
        # trained on file b alone, the model has never seen 'gift' or SP106
        assert outside[exs[0].id][Code.SP106] < 0.5 < inside

    def test_unconfirmed_actions_count_out_of_fold(self):
        """Findings below the threshold are counted right (labelled) or wrong, per rule."""
        from benchmarks.train_model import unconfirmed_actions

        def ex(i, labels):
            return self._example(i, "x", (), labels, found={Code.SP110, Code.SP124})

        # SP110: 1 labelled of 3 below the threshold; SP124: 2 of 3; one above it for neither
        exs = [ex(0, {Code.SP110, Code.SP124}), ex(1, {Code.SP124}), ex(2, set()), ex(3, set())]
        probs = {e.id: dict.fromkeys(GATED, 0.01) for e in exs}
        probs["x-3"] = dict.fromkeys(GATED, 0.9)

        actions = unconfirmed_actions(exs, probs, 0.1)

        assert (1, 2, "drop") == (
            actions[Code.SP110].right,
            actions[Code.SP110].wrong,
            actions[Code.SP110].action,
        )
        assert (2, 1, "info") == (
            actions[Code.SP124].right,
            actions[Code.SP124].wrong,
            actions[Code.SP124].action,
        )
        assert (0, 0, "info") == (
            actions[Code.SP106].right,
            actions[Code.SP106].wrong,
            actions[Code.SP106].action,
        )
