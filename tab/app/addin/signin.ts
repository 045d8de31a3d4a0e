// The add-in's sign-in, checked on the server by the tab's code path (tab/api/token.ts): nested app
// authentication (MSAL's nestable client, Microsoft's recommendation for add-ins) where Outlook
// supports it, else Office's SSO token. The app's client id comes in the page address from the
// manifest (?client=), the scope is the tab's access_as_user on the app's api:// URI.
/// <reference types="office-js" />
import { supports } from './office.js';

export type TokenSource = () => Promise<string>;

export function appScope(clientId: string): string {
  return `api://${location.host}/${clientId}/access_as_user`;
}

async function naa(clientId: string): Promise<TokenSource> {
  const { createNestablePublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createNestablePublicClientApplication({
    auth: { clientId, authority: 'https://login.microsoftonline.com/organizations' },
  });
  const scopes = [appScope(clientId)];
  return async () => {
    try {
      return (await pca.acquireTokenSilent({ scopes })).accessToken;
    } catch {
      return (await pca.acquireTokenPopup({ scopes })).accessToken;
    }
  };
}

/** How this pane gets its token in this host. */
export async function tokenSource(office: typeof Office): Promise<TokenSource> {
  const clientId = new URLSearchParams(location.search).get('client') ?? '';
  if (clientId && supports(office, 'NestedAppAuth', '1.1')) {
    try {
      return await naa(clientId);
    } catch {
      // An older Outlook without the broker: fall back to Office SSO.
    }
  }
  return () => office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
}
