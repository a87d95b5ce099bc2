#!/usr/bin/python3
# Walks the accessible tree of each main view of a running Panel Brief over
# AT-SPI and fails on any interactive control a screen reader could not name
# (empty, or named by its GTK type) and on any toggle that reports no state.
# Run by check-a11y.sh, which starts the D-Bus session, the AT-SPI bus and
# the app; the views are reached by pressing the app's own buttons through
# AT-SPI actions, so reaching a view also proves its button is named.

import re
import sys
import time

try:
    import pyatspi
except ImportError:
    print("pyatspi is missing: install python3-pyatspi")
    sys.exit(77)

TIMEOUT = 60
FIND_TIMEOUT = 10
TYPE_NAME = re.compile(r"^(Gtk|Adw|Pb)[A-Z]\w*$")
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK, pyatspi.ROLE_PAGE_TAB,
}
if hasattr(pyatspi, "ROLE_SWITCH"):
    INTERACTIVE.add(pyatspi.ROLE_SWITCH)
TOGGLES = {pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON}
if hasattr(pyatspi, "ROLE_SWITCH"):
    TOGGLES.add(pyatspi.ROLE_SWITCH)


def find_app(name):
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            if a is not None and a.name == name:
                return a
        time.sleep(0.2)
    return None


def on_screen(a):
    """GTK 4.8 sets VISIBLE on widgets in hidden stack pages and SHOWING on
    none but windows; an unmapped widget has an empty extent, so that is the
    test of being on screen."""
    st = a.getState()
    if not st.contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        e = a.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return True
    return e.width > 0 and e.height > 0


def walk(a, path, out, depth=0):
    """Collects (path, role, name, problem) for each faulty control."""
    try:
        if depth > 0 and not on_screen(a):
            return
        role = a.getRole()
        name = (a.name or "").strip()
    except Exception:
        return  # the widget went away while we walked
    here = f"{path} > {a.getRoleName()} “{name}”"
    if role in INTERACTIVE:
        out["count"] += 1
        if not name:
            out["bad"].append((here, "no name"))
        elif TYPE_NAME.match(name):
            out["bad"].append((here, "named by its type"))
    if role in TOGGLES:
        st = a.getState()
        if not (st.contains(pyatspi.STATE_CHECKABLE) or st.contains(pyatspi.STATE_CHECKED)
                or st.contains(pyatspi.STATE_PRESSED)):
            out["bad"].append((here, "no checked or pressed state"))
    for i in range(a.childCount):
        c = a.getChildAtIndex(i)
        if c is not None:
            walk(c, f"{path}/{name}" if name and not TYPE_NAME.match(name) and role not in INTERACTIVE else path, out, depth + 1)


def check(app):
    out = {"count": 0, "bad": []}
    for i in range(app.childCount):
        w = app.getChildAtIndex(i)
        if w is not None and w.getState().contains(pyatspi.STATE_SHOWING):
            walk(w, "", out, 1)
    return out


def settle(app):
    """Walks until two walks in a row agree (the view has finished building)."""
    end = time.monotonic() + TIMEOUT
    last = None
    while time.monotonic() < end:
        now = check(app)
        key = (now["count"], tuple(now["bad"]))
        if key == last and now["count"] > 0:
            return now
        last = key
        time.sleep(0.5)
    return now


def find(app, roles, name):
    def match(a):
        try:
            return a.getRole() in roles and (a.name or "") == name and on_screen(a)
        except Exception:
            return False
    end = time.monotonic() + FIND_TIMEOUT
    while time.monotonic() < end:
        for i in range(app.childCount):
            w = app.getChildAtIndex(i)
            if w is None:
                continue
            found = pyatspi.findDescendant(w, match)
            if found is not None:
                return found
        time.sleep(0.2)
    return None


def press(app, roles, name):
    control = find(app, roles, name)
    if control is None:
        return False
    action = control.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            return action.doAction(i)
    return action.doAction(0)


BUTTONS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}
# (view, the control pressed to reach it; None for the first view)
VIEWS = [
    ("Reader", None),
    ("Library", "Show the Library"),
    ("Report Properties", "Report Properties"),
    ("Findings table", "All Findings"),
    ("Packs", "Briefing Packs"),
    ("Grades over time", "Grades Over Time"),
    ("Recommendations tracker", "Recommendations"),
]


def main():
    app = find_app(sys.argv[1] if len(sys.argv) > 1 else "panel-brief-app")
    if app is None:
        print("the app never appeared on the accessibility bus")
        return 1
    failed = False
    for view, control in VIEWS:
        if control is not None and not press(app, BUTTONS, control):
            print(f"FAIL {view}: found no button named “{control}” to reach it")
            failed = True
            continue
        result = settle(app)
        print(f"{view}: {result['count']} controls, {len(result['bad'])} faulty")
        for where, problem in result["bad"]:
            print(f"  {problem}: {where}")
        failed = failed or bool(result["bad"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
