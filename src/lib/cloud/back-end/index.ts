// "Your back end" at api.example.com: the app's own server for the developer-authenticated flow.
export { backEndHost, backEndIamUserName } from './back-end-host';
export { backEndUsers, type BackEndUser } from './back-end-users';
export { createBackEndService, type BackEndService } from './back-end-service';
