/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words of a questions file that are read back.  The officer's copy of
 * Panel Brief reads the file a member's copy wrote, perhaps in another
 * language, so these are fixed English words, never translated; what a
 * person writes (the questions) and reads alone is in between them.
 *
 *   Panel Brief questions for the meeting
 *   [NOT FOR PUBLICATION]
 *   Pack: Corporate Parenting Panel, March 2026
 *   Meeting: 2026-03-12
 *   From: Cllr A. Member
 *   Written: 1 March 2026
 *   Pack reference: <the pack's identity>
 *
 *   Question 1
 *   On: “the finding's quote”            or  On section: its title
 *   Citation: Inspection of …, ¶7 (page 3)
 *   Reference: <question's identity> finding <finding's identity>
 *   The question, on as many lines as it has.
 *
 * The Word document has the same lines, one paragraph each. */

#define QUESTIONS_TITLE          "Panel Brief questions for the meeting"
#define QUESTIONS_BANNER         "NOT FOR PUBLICATION"
#define QUESTIONS_PACK           "Pack: "
#define QUESTIONS_MEETING        "Meeting: "
#define QUESTIONS_FROM           "From: "
#define QUESTIONS_WRITTEN        "Written: "
#define QUESTIONS_PACK_REFERENCE "Pack reference: "
#define QUESTIONS_QUESTION       "Question "
#define QUESTIONS_ON             "On: "
#define QUESTIONS_ON_SECTION     "On section: "
#define QUESTIONS_CITATION       "Citation: "
#define QUESTIONS_REFERENCE      "Reference: "

G_END_DECLS
