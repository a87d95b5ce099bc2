/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "pb-test-child.h"

struct _PbTestChild
{
  GSubprocess      *process;
  GDataInputStream *lines;
};

/**
 * pb_test_child_spawn:
 * @args: the arguments after the child program's own name
 *
 * Starts $PB_LIBRARY_CHILD (tests/library-child.c) with @args, its standard
 * output piped to the test and its standard input held open.
 */
PbTestChild *
pb_test_child_spawn (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("PB_LIBRARY_CHILD");
  PbTestChild *child = g_new0 (PbTestChild, 1);

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer)program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  child->process = g_subprocess_newv ((const char * const *)argv->pdata,
                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE,
                                      &error);
  g_assert_no_error (error);
  child->lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  return child;
}

/**
 * pb_test_child_read_line:
 *
 * Returns: (nullable): the child's next line, waiting for it; %NULL once the
 *   child has closed its output (it ended)
 */
char *
pb_test_child_read_line (PbTestChild *child)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (child->lines, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

void
pb_test_child_kill (PbTestChild *child)
{
  g_subprocess_send_signal (child->process, SIGKILL);
}

/**
 * pb_test_child_wait:
 *
 * Returns: the child's exit status, or -1 when a signal ended it
 */
int
pb_test_child_wait (PbTestChild *child)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (g_subprocess_get_stdin_pipe (child->process), NULL, NULL);
  g_subprocess_wait (child->process, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (child->process))
    return -1;
  return g_subprocess_get_exit_status (child->process);
}

void
pb_test_child_free (PbTestChild *child)
{
  if (child == NULL)
    return;
  if (g_subprocess_get_identifier (child->process) != NULL)
    {
      g_subprocess_force_exit (child->process);
      g_subprocess_wait (child->process, NULL, NULL);
    }
  g_clear_object (&child->lines);
  g_clear_object (&child->process);
  g_free (child);
}
