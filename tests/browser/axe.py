"""axe-core in the page under test, with a readable report of what blocks.

The axe-core script is the one packaged inside ``axe-playwright-python``
(read from the installed package: nothing is downloaded).
"""

from pathlib import Path

BLOCKING_IMPACTS = ("serious", "critical")


def axe_script():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page):
    """axe-core's results for the page as it is now (all its default rules)."""
    page.evaluate(axe_script())
    return page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")


def run_axe_rules(page, rules, selector=None):
    """axe-core's results for some rules only (e.g. ``target-size``, which its
    default run leaves out), on the element ``selector`` or the whole page."""
    page.evaluate(axe_script())
    return page.evaluate(
        """([rules, selector]) => axe.run(
            selector ? document.querySelector(selector) : document,
            {runOnly: rules, resultTypes: ['violations']})""",
        [rules, selector],
    )


def blocking_violations(results):
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def report(violations, where):
    """One paragraph per violation: rule, impact, what it asks, the elements, the help page."""
    lines = [f"{len(violations)} serious or critical accessibility violation(s) on {where}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def assert_no_blocking_violations(page, where=None):
    results = run_axe(page)
    # axe ran for real: it reports the rules the page passed.
    assert results["passes"], "axe-core did not run any rule"
    violations = blocking_violations(results)
    assert not violations, report(violations, where or page.url)
