/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-export"

#include "config.h"

#include <string.h>

#include "pb-xml-text.h"

/* Text going into an XML document (the DOCX parts, the HTML page), in one
 * place.  Besides the five markup characters, XML 1.0 forbids most control
 * characters even as character references ("&#x0B;" is as fatal as the
 * byte), and U+FFFE and U+FFFF; Word, python-docx and any XML parser then
 * refuse the whole document.  Officers paste notes from other programs, and
 * a vertical tab (Word's own line break) or a form feed comes with them.
 * g_markup_escape_text() writes those as references, so it is not enough. */

/**
 * pb_xml_append_text:
 * @out: where to append
 * @text: (nullable): any text, even invalid UTF-8
 *
 * Appends @text to @out as XML 1.0 character data, fit for an element or a
 * quoted attribute: the markup characters as entities, bytes that are not
 * UTF-8 as U+FFFD, vertical tabs and form feeds as line feeds, the other
 * control characters XML forbids (all below U+0020 but tab, line feed and
 * carriage return) and the non-characters U+FFFE and U+FFFF dropped.
 */
void
pb_xml_append_text (GString    *out,
                    const char *text)
{
  g_autofree char *valid = NULL;
  const guchar *p;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      text = valid;
    }

  /* Valid UTF-8 from here, so bytes can be looked at one by one: no byte
   * of a multi-byte character is below 0x80. */
  for (p = (const guchar *)text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '\t':
        case '\n':
        case '\r':
          g_string_append_c (out, (char)*p);
          break;
        case '\v':
        case '\f':
          g_string_append_c (out, '\n');
          break;
        case 0xEF:
          /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
          if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            {
              p += 2;
              break;
            }
          g_string_append_c (out, (char)*p);
          break;
        default:
          if (*p >= 0x20)
            g_string_append_c (out, (char)*p);
          break;
        }
    }
}

/**
 * pb_xml_escape_text:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text as pb_xml_append_text() writes it
 */
char *
pb_xml_escape_text (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 0);

  pb_xml_append_text (out, text);
  return g_string_free (out, FALSE);
}
