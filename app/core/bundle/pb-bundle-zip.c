/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pb-bundle-private.h"
#include "pb-export-file.h"

/* The zip side of bundles, shared by writing and opening: what libzip's
 * errors mean to the user, reading an entry whole or into a file with its
 * checksum checked, the two small JSON entries (bundle.json, the manifest),
 * a private folder for the files taken out while a bundle is opened, and
 * whether this libzip can encrypt at all. */

G_DEFINE_QUARK (pb-bundle-error-quark, pb_bundle_error)

#define CHUNK (64 * 1024)

/**
 * pb_bundle_can_encrypt:
 *
 * Whether the zip library Panel Brief runs with can write and read AES-256
 * entries.  libzip does so only when it was built with a cryptography
 * library (Debian 12's is, with OpenSSL); without it an exempt pack cannot
 * be bundled or opened, and pb_library_export_bundle() says so.
 *
 * Returns: %TRUE when exempt packs can be bundled and opened
 */
gboolean
pb_bundle_can_encrypt (void)
{
  return zip_encryption_method_supported (ZIP_EM_AES_256, 1) &&
         zip_encryption_method_supported (ZIP_EM_AES_256, 0);
}

/**
 * pb_bundle_check_passphrase:
 * @passphrase: (nullable): a passphrase for a new exempt bundle
 * @error: a #GError, or %NULL
 *
 * For a dialogue to check a passphrase as it is typed, before any work.
 *
 * Returns: %TRUE when @passphrase may be used; else %FALSE with
 *   %PB_BUNDLE_ERROR_PASSPHRASE_NEEDED or %PB_BUNDLE_ERROR_WEAK_PASSPHRASE
 */
gboolean
pb_bundle_check_passphrase (const char  *passphrase,
                            GError     **error)
{
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
                   _("This pack is exempt: its bundle is encrypted, and needs a passphrase."));
      return FALSE;
    }
  if (!g_utf8_validate (passphrase, -1, NULL) || g_utf8_strlen (passphrase, -1) < PB_BUNDLE_MIN_PASSPHRASE)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WEAK_PASSPHRASE,
                   _("The passphrase is too short: use at least %d characters, such as a few words "
                     "that have nothing to do with the pack."), PB_BUNDLE_MIN_PASSPHRASE);
      return FALSE;
    }
  return TRUE;
}

/**
 * _pb_bundle_set_zip_error:
 * @details: libzip's error
 * @entry: (nullable): the entry being read, for the message
 *
 * Sets @error to what libzip's error means for someone opening a bundle.
 */
void
_pb_bundle_set_zip_error (GError      **error,
                          zip_error_t  *details,
                          const char   *entry)
{
  switch (zip_error_code_zip (details))
    {
    case ZIP_ER_WRONGPASSWD:
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_WRONG_PASSPHRASE,
                   _("The passphrase is not the one this pack was saved with. Check it with the "
                     "officer who sent the pack, and try again."));
      break;

    case ZIP_ER_NOPASSWD:
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
                   _("This pack is exempt and encrypted: enter the passphrase the officer gave you."));
      break;

    case ZIP_ER_ENCRNOTSUPP:
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_ENCRYPTION,
                   _("This copy of Panel Brief cannot read encrypted packs: its zip library was built "
                     "without AES-256."));
      break;

    case ZIP_ER_NOENT:
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("The pack file is damaged: part of it (%s) is missing. Ask for a fresh copy."),
                   entry ? entry : "?");
      break;

    default:
      /* ZIP_ER_CRC among others: a checksum, or AES's own check of the
       * encrypted bytes, failed.  Damaged or changed is all a user can act on. */
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("The pack file is damaged or has been changed since it was made (%s). Ask for "
                     "a fresh copy."), zip_error_strerror (details));
      break;
    }
}

static void
checksum_mismatch (GError     **error,
                   const char  *name)
{
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
               _("The pack file has been changed since it was made, or is damaged: %s does not match "
                 "its checksum. It was not opened. Ask for a fresh copy."), name);
}

/* Reads exactly @size bytes of @file into @data, and then its end: the end
 * of an AES entry is where its authentication code is checked. */
static gboolean
read_exactly (zip_file_t    *file,
              const char    *name,
              char          *data,
              zip_uint64_t   size,
              GError       **error)
{
  zip_uint64_t done = 0;
  zip_int64_t n = 0;
  char extra;

  while (done < size && (n = zip_fread (file, data + done, size - done)) > 0)
    done += (zip_uint64_t)n;
  if (done == size)
    n = zip_fread (file, &extra, 1);
  if (done == size && n == 0)
    return TRUE;

  if (n < 0)
    _pb_bundle_set_zip_error (error, zip_file_get_error (file), name);
  else
    checksum_mismatch (error, name);   /* shorter or longer than it says */
  return FALSE;
}

/**
 * _pb_bundle_read_entry:
 * @name: the entry
 * @expected_sha: (nullable): its SHA-256 as the manifest gives it
 *
 * Reads a small entry (at most %BUNDLE_MAX_JSON bytes) whole, decrypting
 * it with the archive's default password when it is encrypted.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set
 *   (%PB_BUNDLE_ERROR)
 */
GBytes *
_pb_bundle_read_entry (zip_t       *zip,
                       const char  *name,
                       const char  *expected_sha,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  zip_file_t *file;
  zip_stat_t st;
  char *data;
  gboolean complete;

  zip_stat_init (&st);
  if (zip_stat (zip, name, 0, &st) < 0 || !(file = zip_fopen (zip, name, 0)))
    {
      _pb_bundle_set_zip_error (error, zip_get_error (zip), name);
      return NULL;
    }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > BUNDLE_MAX_JSON)
    {
      zip_fclose (file);
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("The pack file is damaged: %s is not what a pack holds."), name);
      return NULL;
    }

  data = g_malloc (st.size + 1);
  complete = read_exactly (file, name, data, st.size, error);
  zip_fclose (file);
  if (!complete)
    {
      g_free (data);
      return NULL;
    }
  data[st.size] = '\0';   /* for readers that take it as text */
  bytes = g_bytes_new_take (data, st.size);

  if (expected_sha != NULL)
    {
      g_autofree char *actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      if (!g_str_equal (actual, expected_sha))
        {
          checksum_mismatch (error, name);
          return NULL;
        }
    }
  return g_steal_pointer (&bytes);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           const char  *dest,
           GError     **error)
{
  while (length > 0)
    {
      gssize w = write (fd, data, length);

      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       saved_errno == ENOSPC ? _("The disk is full: the pack could not be opened.")
                                             : _("“%s” could not be written: %s."),
                       dest, g_strerror (saved_errno));
          return FALSE;
        }
      data += w;
      length -= (gsize)w;
    }
  return TRUE;
}

/**
 * _pb_bundle_copy_entry:
 * @name: the entry
 * @expected_sha: its SHA-256 as the manifest gives it
 * @dest: (nullable): a new file to write it into, private (0600); %NULL
 *   only to check it
 *
 * Reads an entry through, checking it against its checksum, into @dest.
 * On failure @dest is removed.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_BUNDLE_ERROR,
 *   %G_IO_ERROR, %G_IO_ERROR_CANCELLED)
 */
gboolean
_pb_bundle_copy_entry (zip_t         *zip,
                       const char    *name,
                       const char    *expected_sha,
                       const char    *dest,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char buffer[CHUNK];
  zip_file_t *file;
  zip_int64_t n;
  int fd = -1;
  gboolean ok = FALSE;

  if (!(file = zip_fopen (zip, name, 0)))
    {
      _pb_bundle_set_zip_error (error, zip_get_error (zip), name);
      return FALSE;
    }
  if (dest != NULL && (fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      zip_fclose (file);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be written: %s."), dest, g_strerror (saved_errno));
      return FALSE;
    }

  while ((n = zip_fread (file, buffer, CHUNK)) > 0)
    {
      g_checksum_update (checksum, (guchar *)buffer, n);
      if ((fd >= 0 && !write_all (fd, buffer, n, dest, error)) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }
  if (n < 0)
    {
      _pb_bundle_set_zip_error (error, zip_file_get_error (file), name);
      goto out;
    }
  if (!g_str_equal (g_checksum_get_string (checksum), expected_sha))
    {
      checksum_mismatch (error, name);
      goto out;
    }
  if (fd >= 0 && fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be written: %s."), dest, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  zip_fclose (file);
  if (fd >= 0)
    g_close (fd, NULL);
  if (!ok && dest != NULL)
    g_unlink (dest);
  return ok;
}

/**
 * _pb_bundle_hash_file:
 * @out_size: (out) (optional): its size in bytes
 *
 * Returns: (transfer full): the file's SHA-256 in hex, or %NULL with
 *   @error set (%G_IO_ERROR)
 */
char *
_pb_bundle_hash_file (const char  *path,
                      gint64      *out_size,
                      GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[CHUNK];
  gint64 size = 0;
  ssize_t n;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be read: %s."), path, g_strerror (saved_errno));
      return NULL;
    }
  while ((n = read (fd, buffer, CHUNK)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      {
        g_checksum_update (checksum, buffer, n);
        size += n;
      }
  g_close (fd, NULL);
  if (n < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be read."), path);
      return NULL;
    }
  if (out_size != NULL)
    *out_size = size;
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * _pb_bundle_make_temp_dir:
 *
 * A new, empty, private folder (0700) in Panel Brief's own private folder
 * under the user's runtime folder, for the files of a bundle being opened
 * or written, which may be exempt.  Remove it with
 * _pb_bundle_remove_temp_dir().
 *
 * Returns: (transfer full): its path, or %NULL with @error set
 */
char *
_pb_bundle_make_temp_dir (GError **error)
{
  /* pb_export_new_private_file () makes and checks the private folder; its
   * file's name, unique there, becomes the new folder's. */
  g_autofree char *path = pb_export_new_private_file ("bundle-XXXXXX", error);

  if (path == NULL)
    return NULL;
  if (g_unlink (path) != 0 || g_mkdir (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("A private folder for the pack could not be made: %s."), g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/**
 * _pb_bundle_remove_temp_dir:
 * @dir: (nullable): a folder made by _pb_bundle_make_temp_dir()
 *
 * Removes it and what was put in it: files, and folders of files.
 */
void
_pb_bundle_remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL || !(handle = g_dir_open (dir, 0, NULL)))
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        _pb_bundle_remove_temp_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static JsonObject *
parse_object (GBytes   *bytes,
              JsonParser *parser)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, (gssize)length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
not_a_bundle (GError **error)
{
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_A_BUNDLE,
               _("This is not a Panel Brief pack."));
  return FALSE;
}

/**
 * _pb_bundle_read_marker:
 * @out_encrypted: (out): whether the rest of the bundle is encrypted
 *
 * Reads bundle.json, which is never encrypted.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_BUNDLE_ERROR_NOT_A_BUNDLE,
 *   %PB_BUNDLE_ERROR_NEWER)
 */
gboolean
_pb_bundle_read_marker (zip_t     *zip,
                        gboolean  *out_encrypted,
                        GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *marker;

  if (zip_name_locate (zip, BUNDLE_MARKER_NAME, 0) < 0 ||
      !(bytes = _pb_bundle_read_entry (zip, BUNDLE_MARKER_NAME, NULL, NULL)) ||
      !(marker = parse_object (bytes, parser)) ||
      g_strcmp0 (json_object_get_string_member_with_default (marker, "format", ""), BUNDLE_FORMAT) != 0)
    return not_a_bundle (error);
  if (json_object_get_int_member_with_default (marker, "version", 0) > BUNDLE_VERSION)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NEWER,
                   _("This pack was made by a newer version of Panel Brief. Update Panel Brief to open it."));
      return FALSE;
    }
  *out_encrypted = json_object_get_boolean_member_with_default (marker, "encrypted", FALSE);
  return TRUE;
}

static gboolean
is_known_entry (const char *name)
{
  const char *prefixes[] = { "reports/", "highlighted/" };

  if (g_str_equal (name, BUNDLE_PACK_NAME))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      {
        const char *p = name + strlen (prefixes[i]);

        if (!g_ascii_isdigit (*p))
          return FALSE;
        while (g_ascii_isdigit (*p))
          p++;
        return g_str_equal (p, ".pdf");
      }
  return FALSE;
}

/**
 * _pb_bundle_read_manifest:
 *
 * Reads the manifest (decrypting it with the archive's default password),
 * and checks that it and the archive list the same entries: each of them
 * one a bundle holds, none missing, none added.
 *
 * Returns: (transfer full): entry name → SHA-256, or %NULL with @error set
 *   (%PB_BUNDLE_ERROR: damaged, passphrase needed or wrong)
 */
GHashTable *
_pb_bundle_read_manifest (zip_t   *zip,
                          GError **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *manifest;
  JsonArray *files;
  zip_int64_t n_entries;

  if (!(bytes = _pb_bundle_read_entry (zip, BUNDLE_MANIFEST_NAME, NULL, error)))
    return NULL;
  if (!(manifest = parse_object (bytes, parser)) ||
      !json_object_has_member (manifest, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (manifest, "files")))
    {
      checksum_mismatch (error, BUNDLE_MANIFEST_NAME);
      return NULL;
    }

  files = json_object_get_array_member (manifest, "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = entry ? json_object_get_string_member_with_default (entry, "name", NULL) : NULL;
      const char *sha = entry ? json_object_get_string_member_with_default (entry, "sha256", NULL) : NULL;

      if (name == NULL || sha == NULL || strlen (sha) != 64 || !is_known_entry (name) ||
          g_hash_table_contains (entries, name) || zip_name_locate (zip, name, 0) < 0)
        {
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                       _("The pack file is damaged: its list of contents does not match what it holds. "
                         "Ask for a fresh copy."));
          return NULL;
        }
      g_hash_table_insert (entries, g_strdup (name), g_ascii_strdown (sha, -1));
    }

  /* Nothing may have been slipped in beside what the manifest lists. */
  n_entries = zip_get_num_entries (zip, 0);
  for (zip_int64_t i = 0; i < n_entries; i++)
    {
      const char *name = zip_get_name (zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);

      if (name == NULL || g_str_equal (name, BUNDLE_MARKER_NAME) || g_str_equal (name, BUNDLE_MANIFEST_NAME))
        continue;
      if (!g_hash_table_contains (entries, name))
        {
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                       _("The pack file has been changed since it was made: it holds something its list "
                         "of contents does not. It was not opened. Ask for a fresh copy."));
          return NULL;
        }
    }
  if (!g_hash_table_contains (entries, BUNDLE_PACK_NAME))
    {
      checksum_mismatch (error, BUNDLE_PACK_NAME);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
