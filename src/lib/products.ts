/** The products the knowledge base covers, in the order the home page lists them. */
export const PRODUCTS = {
  'rackspace-email': { name: 'Rackspace Email', summary: 'Hosted email: webmail, passwords, security and spam settings.' },
  'microsoft-exchange': { name: 'Microsoft Exchange', summary: 'Hosted Exchange mailboxes and Outlook Web App.' },
  'cloud-office': { name: 'Cloud Office', summary: 'The account, the Control Panel and the words support uses.' },
} as const;

export type ProductId = keyof typeof PRODUCTS;
export const PRODUCT_IDS = Object.keys(PRODUCTS) as [ProductId, ...ProductId[]];

export function productName(id: ProductId): string {
  return PRODUCTS[id].name;
}
