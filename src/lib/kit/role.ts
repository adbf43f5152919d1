/**
 * Who is securing the mailbox: the one Role type of the islands and their
 * logic (the checker's answers, the checklist, its record). `admin` is the
 * value shared links (`?role=admin`) and saved progress already carry.
 */
export type Role = 'user' | 'admin';
