/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-open"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-document.h"
#include "pb-pdf-file.h"
#include "pb-pdf-open.h"

/* Opening a PDF, and the passwords of the session.
 *
 * A report protected by a password is stored as it came, still encrypted.
 * Once its password has been given (to import it, or to open it), every later
 * use in the same process opens it without asking again: finding a quote,
 * writing the annotated copy, re-reading its text. The passwords are kept in
 * memory only, for the life of the process, and wiped when forgotten; they
 * are never written anywhere. Where no password is known, the error says so
 * plainly, for the caller to ask for it. */

static GMutex lock;
static GHashTable *passwords;   /* canonical path → password, guarded by lock */

static void
wipe_password (gpointer data)
{
  char *password = data;

  memset (password, 0, strlen (password));
  g_free (password);
}

static char *
key_for (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

/**
 * pb_pdf_remember_password:
 * @path: a PDF file
 * @password: (nullable): the password that opens it; %NULL to forget it
 *
 * Keeps @password for @path for the rest of the session, in memory only.
 */
void
pb_pdf_remember_password (const char *path,
                          const char *password)
{
  g_return_if_fail (path != NULL);

  g_mutex_lock (&lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_password);
  if (password != NULL && *password != '\0')
    g_hash_table_replace (passwords, key_for (path), g_strdup (password));
  else
    {
      g_autofree char *key = key_for (path);
      g_hash_table_remove (passwords, key);
    }
  g_mutex_unlock (&lock);
}

/**
 * pb_pdf_dup_password:
 * @path: a PDF file
 *
 * Returns: (transfer full) (nullable): the password given for @path in this
 *   session; wipe it (memset) before freeing it
 */
char *
pb_pdf_dup_password (const char *path)
{
  g_autofree char *key = key_for (path);
  char *password = NULL;

  g_mutex_lock (&lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, key));
  g_mutex_unlock (&lock);

  return password;
}

/**
 * pb_pdf_has_password:
 * @path: a PDF file
 *
 * Returns: whether a password is known for @path in this session
 */
gboolean
pb_pdf_has_password (const char *path)
{
  g_autofree char *password = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  password = pb_pdf_dup_password (path);
  if (password != NULL)
    memset (password, 0, strlen (password));
  return password != NULL;
}

/**
 * pb_pdf_forget_passwords:
 *
 * Wipes every password of the session from memory.
 */
void
pb_pdf_forget_passwords (void)
{
  g_mutex_lock (&lock);
  g_clear_pointer (&passwords, g_hash_table_unref);
  g_mutex_unlock (&lock);
}

static PopplerDocument *
new_document (const char  *uri,
              GBytes      *bytes,
              const char  *password,
              GError     **error)
{
  if (bytes != NULL)
    return poppler_document_new_from_bytes (bytes, password, error);
  return poppler_document_new_from_file (uri, password, error);
}

/* From the file at @uri, or from @bytes (its copy for reading text) when
 * given. */
static PopplerDocument *
open_poppler (const char  *uri,
              GBytes      *bytes,
              const char  *password,
              gboolean    *needs_none,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = new_document (uri, bytes, password, &local_error);

  *needs_none = FALSE;
  if (document == NULL && password != NULL && *password != '\0' &&
      g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) &&
      (document = new_document (uri, bytes, NULL, NULL)) != NULL)
    *needs_none = TRUE;

  if (document == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}

/**
 * pb_pdf_open_poppler:
 * @uri: the PDF's URI
 * @password: (nullable): the password given, if any
 * @needs_none: (out): set to whether the file opened without @password
 *
 * Opens a PDF with poppler. A file with an owner password only (no password
 * to open it) does not open when some other password is given, though it
 * needs none: it is opened without, then, and @needs_none says so, for the
 * password not to be kept.
 *
 * Returns: (transfer full): the document, or %NULL with a %POPPLER_ERROR
 */
PopplerDocument *
pb_pdf_open_poppler (const char  *uri,
                     const char  *password,
                     gboolean    *needs_none,
                     GError     **error)
{
  return open_poppler (uri, NULL, password, needs_none, error);
}

/**
 * pb_pdf_open_poppler_for_text:
 * @path: the PDF file
 * @password: (nullable): the password given, if any
 * @needs_none: (out): as for pb_pdf_open_poppler ()
 *
 * Opens a PDF with poppler for reading its text and structure, not for
 * showing it: from a copy in memory that skips the colour conversion set up
 * for every page of a PDF/A file (pb_pdf_text_copy ()), when the file has
 * one to skip and no password is given; otherwise from the file, as
 * pb_pdf_open_poppler ().
 *
 * Returns: (transfer full): the document, or %NULL with a %POPPLER_ERROR,
 *   or a %G_CONVERT_ERROR for a path that is no file name
 */
PopplerDocument *
pb_pdf_open_poppler_for_text (const char  *path,
                              const char  *password,
                              gboolean    *needs_none,
                              GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  g_autoptr(GBytes) copy = NULL;

  *needs_none = FALSE;
  if (uri == NULL)
    return NULL;
  /* Poppler 22.12 (Debian 12) opening from memory with a password that
   * fails its first try (a wrong one, or one not in Latin-1) tries again on
   * a stream it has freed, and crashes (make_upright ()): a file opened
   * with a password is read from the file. */
  if (password == NULL || *password == '\0')
    copy = pb_pdf_text_copy (path);
  return open_poppler (uri, copy, password, needs_none, error);
}

static PopplerDocument *
open_path (const char  *path,
           const char  *password,
           gboolean     for_text,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *remembered = NULL;
  PopplerDocument *document;
  gboolean gave, needs_none = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(uri = g_filename_to_uri (path, NULL, error)))
    return NULL;

  if (password == NULL || *password == '\0')
    password = remembered = pb_pdf_dup_password (path);
  gave = password != NULL && *password != '\0';

  document = for_text ? pb_pdf_open_poppler_for_text (path, password, &needs_none, &local_error)
                      : pb_pdf_open_poppler (uri, password, &needs_none, &local_error);

  if (remembered != NULL)
    memset (remembered, 0, strlen (remembered));

  if (document != NULL)
    {
      if (gave && remembered == NULL && !needs_none)
        pb_pdf_remember_password (path, password);
      pb_pdf_document_set_path (document, path);
      return document;
    }

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      /* (The password kept is wiped by now: tell by what was given.) */
      if (gave)
        g_set_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD,
                     _("That password is not right."));
      else
        g_set_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD,
                     _("This report is protected by a password."));
    }
  else
    {
      g_set_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_DAMAGED,
                   _("The report cannot be opened: %s."), local_error->message);
    }

  return NULL;
}

/**
 * pb_pdf_open:
 * @path: a PDF file
 * @password: (nullable): its password; %NULL to use the one given earlier in
 *   the session, if any
 * @error: a #GError, or %NULL
 *
 * Opens @path with poppler. A password that opens it is kept for the session
 * (see pb_pdf_remember_password ()).
 *
 * Returns: (transfer full): the document; or %NULL with @error set to
 *   %PB_DOCUMENT_ERROR_NEEDS_PASSWORD (no password is known),
 *   %PB_DOCUMENT_ERROR_WRONG_PASSWORD or %PB_DOCUMENT_ERROR_DAMAGED, in a
 *   sentence for the user; or a %G_CONVERT_ERROR for a path that is no file
 *   name
 */
PopplerDocument *
pb_pdf_open (const char  *path,
             const char  *password,
             GError     **error)
{
  return open_path (path, password, FALSE, error);
}

/**
 * pb_pdf_open_for_text:
 *
 * As pb_pdf_open (), for reading the document's text and structure rather
 * than showing its pages: see pb_pdf_open_poppler_for_text ().
 *
 * Returns: (transfer full): as pb_pdf_open ()
 */
PopplerDocument *
pb_pdf_open_for_text (const char  *path,
                      const char  *password,
                      GError     **error)
{
  return open_path (path, password, TRUE, error);
}

#define PATH_KEY    "pb-pdf-path"
#define UPRIGHT_KEY "pb-pdf-upright"

/**
 * pb_pdf_document_set_path:
 *
 * Says which file @document was opened from, for reading its turned pages
 * upright (see pb_pdf_document_get_upright ()). pb_pdf_open () does this.
 */
void
pb_pdf_document_set_path (PopplerDocument *document,
                          const char      *path)
{
  g_return_if_fail (POPPLER_IS_DOCUMENT (document));
  g_object_set_data_full (G_OBJECT (document), PATH_KEY, g_strdup (path), g_free);
}

/**
 * pb_pdf_document_get_path:
 * @document: a document
 *
 * Returns: (nullable): the file @document was opened from, as
 *   pb_pdf_document_set_path () gave it; %NULL when none was given
 */
const char *
pb_pdf_document_get_path (PopplerDocument *document)
{
  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  return g_object_get_data (G_OBJECT (document), PATH_KEY);
}

/* The same document with every page set upright, and how each page is
 * turned: made once per document, on the thread that uses it. */
typedef struct
{
  PopplerDocument *upright;
  int             *rotations;
  guint            n_pages;
} Upright;

static void
upright_free (Upright *upright)
{
  g_clear_object (&upright->upright);
  g_free (upright->rotations);
  g_free (upright);
}

static Upright *
make_upright (PopplerDocument *document)
{
  Upright *upright = g_new0 (Upright, 1);
  const char *path = g_object_get_data (G_OBJECT (document), PATH_KEY);
  g_autoptr(PbPdfFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *password = NULL;

  if (path == NULL || !(file = pb_pdf_file_new (path, NULL)) ||
      pb_pdf_file_get_n_pages (file) != (guint)poppler_document_get_n_pages (document) ||
      !(bytes = pb_pdf_file_upright_copy (file)))
    return upright;

  upright->n_pages = pb_pdf_file_get_n_pages (file);
  upright->rotations = g_new0 (int, upright->n_pages);
  for (guint i = 0; i < upright->n_pages; i++)
    upright->rotations[i] = pb_pdf_file_get_page_rotation (file, i);

  password = pb_pdf_dup_password (path);
  /* Poppler tries a password as Latin-1 and then, if that fails, as UTF-8
   * (AES-256 files take UTF-8). From bytes, poppler 22.12 (Debian 12) makes
   * that second try on a stream its first try has freed, and crashes. An
   * ASCII password reads the same both ways, so it never needs the second
   * try; with any other, turned pages are read as poppler reads them. */
  if (password == NULL || g_str_is_ascii (password))
    upright->upright = poppler_document_new_from_bytes (bytes, password, NULL);
  if (password != NULL)
    memset (password, 0, strlen (password));

  return upright;
}

/**
 * pb_pdf_document_get_upright:
 * @document: a document opened with pb_pdf_open () (or given its path)
 * @index: a page index, from 0
 * @rotation: (out): how the page is turned, in degrees clockwise
 *
 * Pages turned by /Rotate (landscape tables in council papers) are read
 * best upright, as poppler reads upright pages: this gives the same document
 * with its pages set upright, where the page is turned. Made from the file
 * the first time a turned page asks for it.
 *
 * Returns: (transfer none) (nullable): the upright document; %NULL when the
 *   page is not turned by /Rotate, or the file cannot be set upright
 */
PopplerDocument *
pb_pdf_document_get_upright (PopplerDocument *document,
                             guint            index,
                             int             *rotation)
{
  Upright *upright;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  *rotation = 0;
  if (!(upright = g_object_get_data (G_OBJECT (document), UPRIGHT_KEY)))
    {
      upright = make_upright (document);
      g_object_set_data_full (G_OBJECT (document), UPRIGHT_KEY, upright, (GDestroyNotify)upright_free);
    }

  if (upright->upright == NULL || index >= upright->n_pages || upright->rotations[index] == 0)
    return NULL;

  *rotation = upright->rotations[index];
  return upright->upright;
}
