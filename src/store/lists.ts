// The lists port: named selections of ads ("controlelijsten"), shared by everyone holding the theme.
// Every read takes the themes the caller may see; a list of another theme is simply not there.

export interface ListRecord {
  id: string;
  theme: string;
  name: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  size: number;
}

/** A supervisor's note on an ad of a list: personal data about the ad, so it goes with the entry. */
export interface ListNote { text: string; by: string; at: string }

export interface ListEntry { adId: string; addedBy: string; addedAt: string; note: ListNote | null }

export interface ListStore {
  /** CONFLICT when the theme already has a list of that name. */
  createList(list: { theme: string; name: string; createdBy: string }, at: string): Promise<ListRecord>;
  lists(themes: readonly string[]): Promise<ListRecord[]>;
  list(id: string, themes: readonly string[]): Promise<ListRecord | null>;
  entries(id: string, themes: readonly string[]): Promise<ListEntry[]>;
  /** Adds an ad of the list's own theme; false if it was already on the list. NOT_FOUND when the
   *  ad is not stored in that theme. */
  addEntry(id: string, entry: Omit<ListEntry, 'note'>): Promise<boolean>;
  /** Writes (or, with null, clears) the note on an ad of the list and marks the list updated at
   *  `at`; false if the ad is not on the list. */
  setNote(id: string, adId: string, note: ListNote | null, at: string): Promise<boolean>;
  /** False if the ad was not on the list. */
  removeEntry(id: string, adId: string, at: string): Promise<boolean>;
  deleteList(id: string): Promise<boolean>;
}
