/** Rules for Russian personal identifiers, shared by the web forms, the JSON API and the console. */
package org.propusk.identifiers;
