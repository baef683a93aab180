/** The signed-in enumerator as the offline app knows them (from the page, or the stored package). */
export interface AppUser {
  id: string;
  name: string;
  email: string;
}
